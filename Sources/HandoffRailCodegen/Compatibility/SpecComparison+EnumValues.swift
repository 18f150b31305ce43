import OpenAPIKit

extension SpecComparison {

    /// Compares the `enum` (or `const`) values of a schema.
    ///
    /// A removed value breaks clients that send it; an added value is
    /// non-breaking, though clients receiving it must tolerate unknown
    /// values, which the message points out. Adding an `enum` where there
    /// was none tightens the schema; dropping it loosens the schema.
    /// - Parameters:
    ///   - oldValues: The old `enum` values, `nil` when unconstrained.
    ///   - newValues: The new `enum` values, `nil` when unconstrained.
    ///   - location: Where the schema is; changes are reported at its `enum`.
    ///   - usage: The directions the schema travels in.
    mutating func compareEnumValues(
        _ oldValues: [AnyCodable]?,
        _ newValues: [AnyCodable]?,
        at location: SpecPointerPair,
        usage: SpecSchemaUsage
    ) {
        let location = location.appending("enum")
        switch (oldValues.map(Self.displayValues), newValues.map(Self.displayValues)) {
        case (nil, nil):
            return
        case (nil, let newValues?):
            recordConstraint(
                .tightened,
                "enum constraint was added (\(newValues.joined(separator: ", ")))",
                at: location.new,
                usage: usage
            )
        case (_?, nil):
            recordConstraint(.loosened, "enum constraint was removed", at: location.new, usage: usage)
        case (let oldValues?, let newValues?):
            for value in oldValues where !newValues.contains(value) {
                record(
                    "enum value \(value) was removed",
                    at: location.old,
                    usage: usage,
                    breaksRequests: "clients may still send it and will be rejected",
                    otherwise: "responses no longer contain it"
                )
            }
            for value in newValues where !oldValues.contains(value) {
                let note = usage.contains(.response)
                    ? "tolerant clients must handle values they do not know (a generated enum only decodes it after regeneration)"
                    : "clients may now send it"
                record(.nonBreaking, at: location.new, "enum value \(value) was added; \(note)")
            }
        }
    }

    /// The enum values rendered for messages and comparison, in spec order
    /// without duplicates.
    private static func displayValues(_ values: [AnyCodable]) -> [String] {
        var seen: Set<String> = []
        return values.map(display).filter { seen.insert($0).inserted }
    }
}
