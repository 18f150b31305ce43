import Foundation

/// Appends the elements of an array to a `JSONTreeEncoder` frame.
///
/// ```swift
/// var container = encoder.unkeyedContainer()
/// try container.encode(1)      // [1
/// try container.encode(1.0)    // [1, 1.0]
/// ```
struct JSONTreeUnkeyedEncodingContainer: UnkeyedEncodingContainer {
    let encoder: JSONTreeEncoder
    /// The encoder frame (and coding-path depth) of the array; it is on top while in use.
    let depth: Int

    var codingPath: [any CodingKey] { encoder.path(depth: depth) }

    var count: Int { encoder.state.elementCount(depth: depth) }

    private func append(_ value: JSONValue) { encoder.state.appendElement(value) }

    /// The coding path of the element about to be appended.
    private var nextPath: [any CodingKey] { encoder.path(depth: depth, appending: JSONIndexKey(index: count)) }

    private func appendInteger<I: BinaryInteger>(_ value: I) throws {
        append(try encoder.boxInteger(value, path: nextPath))
    }

    mutating func encodeNil() { append(.null) }
    mutating func encode(_ value: Bool) { append(.bool(value)) }
    mutating func encode(_ value: String) { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(try encoder.boxDouble(value, path: nextPath)) }
    mutating func encode(_ value: Float) throws { append(try encoder.boxFloat(value, path: nextPath)) }
    mutating func encode(_ value: Int) { append(.integer(value)) }
    mutating func encode(_ value: Int8) throws { try appendInteger(value) }
    mutating func encode(_ value: Int16) throws { try appendInteger(value) }
    mutating func encode(_ value: Int32) throws { try appendInteger(value) }
    mutating func encode(_ value: Int64) throws { try appendInteger(value) }
    mutating func encode(_ value: Int128) throws { try appendInteger(value) }
    mutating func encode(_ value: UInt) throws { try appendInteger(value) }
    mutating func encode(_ value: UInt8) throws { try appendInteger(value) }
    mutating func encode(_ value: UInt16) throws { try appendInteger(value) }
    mutating func encode(_ value: UInt32) throws { try appendInteger(value) }
    mutating func encode(_ value: UInt64) throws { try appendInteger(value) }
    mutating func encode(_ value: UInt128) throws { try appendInteger(value) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let tree = try encoder.encodeMember(value, key: JSONIndexKey(index: count), depth: depth)
        append(tree)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = encoder.pendingElement(depth: depth, kind: .object)
        return KeyedEncodingContainer(JSONTreeKeyedEncodingContainer<NestedKey>(encoder: nested, depth: 0))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = encoder.pendingElement(depth: depth, kind: .array)
        return JSONTreeUnkeyedEncodingContainer(encoder: nested, depth: 0)
    }

    mutating func superEncoder() -> any Encoder {
        encoder.pendingElement(depth: depth, kind: .empty)
    }
}
