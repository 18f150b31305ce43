import Foundation

/// Writes the members of an object into a `JSONTreeEncoder` frame.
///
/// Members are stored in a dictionary, so order does not matter and writing a key twice
/// keeps the last value. Several containers on the same encoder share the same object,
/// which is how `AdditionalProperties.encode` adds members beside the declared ones.
///
/// ```swift
/// var container = encoder.container(keyedBy: AnyCodingKey.self)
/// try container.encode(2.0, forKey: AnyCodingKey(stringValue: "ratio"))   // "ratio": 2.0
/// ```
struct JSONTreeKeyedEncodingContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONTreeEncoder
    /// The encoder frame (and coding-path depth) of the object; it is on top while in use.
    let depth: Int

    var codingPath: [any CodingKey] { encoder.path(depth: depth) }

    private func set(_ value: JSONValue, _ key: Key) {
        encoder.state.setMember(value, key: key.stringValue)
    }

    private func path(_ key: Key) -> [any CodingKey] { encoder.path(depth: depth, appending: key) }

    private func setInteger<I: BinaryInteger>(_ value: I, _ key: Key) throws {
        set(try encoder.boxInteger(value, path: path(key)), key)
    }

    mutating func encodeNil(forKey key: Key) { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(try encoder.boxDouble(value, path: path(key)), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(try encoder.boxFloat(value, path: path(key)), key) }
    mutating func encode(_ value: Int, forKey key: Key) { set(.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try setInteger(value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try setInteger(value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try setInteger(value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try setInteger(value, key) }
    mutating func encode(_ value: Int128, forKey key: Key) throws { try setInteger(value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try setInteger(value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try setInteger(value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try setInteger(value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try setInteger(value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try setInteger(value, key) }
    mutating func encode(_ value: UInt128, forKey key: Key) throws { try setInteger(value, key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let tree = try encoder.encodeMember(value, key: key, depth: depth)
        set(tree, key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = encoder.pendingMember(key: key, depth: depth, kind: .object)
        return KeyedEncodingContainer(JSONTreeKeyedEncodingContainer<NestedKey>(encoder: nested, depth: 0))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = encoder.pendingMember(key: key, depth: depth, kind: .array)
        return JSONTreeUnkeyedEncodingContainer(encoder: nested, depth: 0)
    }

    /// An encoder for the member `super`, as `JSONEncoder` does.
    mutating func superEncoder() -> any Encoder {
        encoder.pendingMember(key: AnyCodingKey(stringValue: "super"), depth: depth, kind: .empty)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.pendingMember(key: key, depth: depth, kind: .empty)
    }
}
