import Foundation

/// Reads the members of a `JSONValue` object for a `JSONTreeDecoder`.
///
/// `contains` reports presence (a `null` member is present, which `PatchField` relies on);
/// `decodeIfPresent` returns `nil` both for an absent member and for `null`, in one lookup;
/// `decode` throws `keyNotFound` for an absent member and `valueNotFound` for `null`.
///
/// ```swift
/// let container = try decoder.container(keyedBy: CodingKeys.self)
/// let tags = try container.decodeIfPresent([String].self, forKey: .tags) ?? []
/// ```
struct JSONTreeKeyedDecodingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: JSONTreeDecoder
    let members: [String: JSONValue]
    /// The coding-path depth of the object.
    let depth: Int

    var codingPath: [any CodingKey] { decoder.path(depth: depth) }

    var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

    private func path(_ key: Key) -> [any CodingKey] { decoder.path(depth: depth, appending: key) }

    private func member(_ key: Key) throws -> JSONValue {
        guard let member = members[key.stringValue] else {
            throw DecodingError.keyNotFound(
                key, DecodingError.Context(codingPath: codingPath, debugDescription: "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return member
    }

    /// The member unless it is absent or `null`.
    private func presentMember(_ key: Key) -> JSONValue? {
        guard let member = members[key.stringValue], !member.isNull else { return nil }
        return member
    }

    private func integer<I: FixedWidthInteger>(_ type: I.Type, _ key: Key) throws -> I {
        try decoder.unboxInteger(try member(key), as: I.self, path: path(key))
    }

    private func integerIfPresent<I: FixedWidthInteger>(_ type: I.Type, _ key: Key) throws -> I? {
        guard let member = presentMember(key) else { return nil }
        return try decoder.unboxInteger(member, as: I.self, path: path(key))
    }

    func decodeNil(forKey key: Key) throws -> Bool { try member(key).isNull }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.unboxBool(try member(key), path: path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.unboxString(try member(key), path: path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.unboxDouble(try member(key), path: path(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.unboxFloat(try member(key), path: path(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(Int.self, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(Int8.self, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(Int16.self, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(Int32.self, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(Int64.self, key) }
    func decode(_ type: Int128.Type, forKey key: Key) throws -> Int128 { try integer(Int128.self, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(UInt.self, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(UInt8.self, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(UInt16.self, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(UInt32.self, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(UInt64.self, key) }
    func decode(_ type: UInt128.Type, forKey key: Key) throws -> UInt128 { try integer(UInt128.self, key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.decodeMember(T.self, from: try member(key), key: key, depth: depth)
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let member = presentMember(key) else { return nil }
        return try decoder.unboxBool(member, path: path(key))
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let member = presentMember(key) else { return nil }
        return try decoder.unboxString(member, path: path(key))
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        guard let member = presentMember(key) else { return nil }
        return try decoder.unboxDouble(member, path: path(key))
    }

    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? {
        guard let member = presentMember(key) else { return nil }
        return try decoder.unboxFloat(member, path: path(key))
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try integerIfPresent(Int.self, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try integerIfPresent(Int8.self, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try integerIfPresent(Int16.self, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try integerIfPresent(Int32.self, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try integerIfPresent(Int64.self, key) }
    func decodeIfPresent(_ type: Int128.Type, forKey key: Key) throws -> Int128? { try integerIfPresent(Int128.self, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try integerIfPresent(UInt.self, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try integerIfPresent(UInt8.self, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try integerIfPresent(UInt16.self, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try integerIfPresent(UInt32.self, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try integerIfPresent(UInt64.self, key) }
    func decodeIfPresent(_ type: UInt128.Type, forKey key: Key) throws -> UInt128? { try integerIfPresent(UInt128.self, key) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let member = presentMember(key) else { return nil }
        return try decoder.decodeMember(T.self, from: member, key: key, depth: depth)
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try decoder.subdecoder(for: try member(key), key: key, depth: depth).container(keyedBy: NestedKey.self)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder.subdecoder(for: try member(key), key: key, depth: depth).unkeyedContainer()
    }

    /// A decoder for the member `super` (`null` when absent), as `JSONDecoder` does.
    func superDecoder() throws -> any Decoder {
        decoder.subdecoder(for: members["super"] ?? .null, key: AnyCodingKey(stringValue: "super"), depth: depth)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        decoder.subdecoder(for: members[key.stringValue] ?? .null, key: key, depth: depth)
    }
}
