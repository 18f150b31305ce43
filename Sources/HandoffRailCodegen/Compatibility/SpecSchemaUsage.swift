import OpenAPIKit

/// The directions in which a schema travels on the wire.
///
/// Direction decides whether a change breaks clients: tightening what a
/// request accepts breaks clients that send the old values, while loosening
/// what a response may contain breaks clients that rely on the old promise.
/// A schema reachable from both a request and a response is checked both
/// ways, and a change that breaks either direction is breaking.
///
/// ```swift
/// let usage: SpecSchemaUsage = [.request, .response]
/// usage.narrowed(by: readOnlyProperty) // [.response]
/// ```
struct SpecSchemaUsage: OptionSet, Hashable, Sendable {

    /// The raw bit set.
    let rawValue: UInt8

    /// Creates a usage from its raw bit set.
    init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Clients send the schema: request bodies and parameters.
    static let request = SpecSchemaUsage(rawValue: 1 << 0)

    /// Clients receive the schema: response bodies and headers.
    static let response = SpecSchemaUsage(rawValue: 1 << 1)

    /// The usage of a property, which `readOnly` and `writeOnly` narrow:
    /// a read-only property is never sent, a write-only one never received.
    /// - Parameter schema: The property's schema.
    func narrowed(by schema: JSONSchema) -> SpecSchemaUsage {
        var usage = self
        if schema.readOnly { usage.remove(.request) }
        if schema.writeOnly { usage.remove(.response) }
        return usage
    }
}
