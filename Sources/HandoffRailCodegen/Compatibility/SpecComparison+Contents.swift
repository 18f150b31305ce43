import OpenAPIKit

extension SpecComparison {

    /// Compares the media types of a request body, response, parameter or
    /// header, and the schema of every media type present in both.
    /// - Parameters:
    ///   - oldContent: The old `content` map.
    ///   - newContent: The new `content` map.
    ///   - location: Where the `content` maps are.
    ///   - usage: `.request` for request bodies and parameters, `.response`
    ///     for responses and their headers.
    ///   - subject: What the content belongs to, for messages (`request body`).
    mutating func compareContents(
        _ oldContent: OpenAPI.Content.Map,
        _ newContent: OpenAPI.Content.Map,
        at location: SpecPointerPair,
        usage: SpecSchemaUsage,
        subject: String
    ) {
        let oldEntries = Self.contentEntries(oldContent, at: location.old, resolver: old)
        let newEntries = Self.contentEntries(newContent, at: location.new, resolver: new)
        let sending = usage.contains(.request)

        for (type, entry) in oldEntries.sorted(by: { $0.key < $1.key }) where newEntries[type] == nil {
            let reason = sending
                ? "clients sending \(type) will be rejected"
                : "clients expecting \(type) will no longer receive it"
            record(.breaking, at: entry.pointer, "\(subject) content type '\(type)' was removed; \(reason)")
        }
        for (type, entry) in newEntries.sorted(by: { $0.key < $1.key }) where oldEntries[type] == nil {
            let reason = sending
                ? "clients may now send it"
                : "clients negotiating another type with Accept are unaffected"
            record(.nonBreaking, at: entry.pointer, "\(subject) content type '\(type)' was added; \(reason)")
        }
        for (type, oldEntry) in oldEntries.sorted(by: { $0.key < $1.key }) {
            guard let newEntry = newEntries[type] else { continue }
            let pair = SpecPointerPair(old: oldEntry.pointer, new: newEntry.pointer)
            compareOptionalSchemas(oldEntry.value.schema, newEntry.value.schema, keyword: "schema", at: pair, usage: usage)
            compareOptionalSchemas(oldEntry.value.itemSchema, newEntry.value.itemSchema, keyword: "itemSchema", at: pair, usage: usage)
        }
    }

    /// Compares a media type's `schema` (or `itemSchema`), where a missing
    /// schema allows any value.
    private mutating func compareOptionalSchemas(
        _ oldSchema: JSONSchema?,
        _ newSchema: JSONSchema?,
        keyword: String,
        at location: SpecPointerPair,
        usage: SpecSchemaUsage
    ) {
        switch (oldSchema, newSchema) {
        case (let oldSchema?, let newSchema?):
            compareSchemas(oldSchema, newSchema, at: location.appending(keyword), usage: usage)
        case (nil, _?):
            recordConstraint(.tightened, "\(keyword) was added where any value was allowed", at: location.new.appending(keyword), usage: usage)
        case (_?, nil):
            recordConstraint(.loosened, "\(keyword) was removed, so any value is allowed", at: location.new, usage: usage)
        case (nil, nil):
            break
        }
    }

    /// The media types of a `content` map keyed by type, after following
    /// `$ref`s to `#/components/mediaTypes`.
    private static func contentEntries(
        _ content: OpenAPI.Content.Map,
        at pointer: SpecPointer,
        resolver: SpecComponentResolver
    ) -> [String: SpecResolved<OpenAPI.Content>] {
        var entries: [String: SpecResolved<OpenAPI.Content>] = [:]
        for (type, value) in content {
            guard let resolved = resolver.resolve(value, at: pointer.appending(type.rawValue)) else { continue }
            entries[type.rawValue] = resolved
        }
        return entries
    }
}
