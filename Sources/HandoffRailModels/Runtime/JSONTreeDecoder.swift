import Foundation

/// The `Decoder` behind `JSONValueDecoder`: one instance per `decode` call walks the tree.
///
/// Decoding a member swaps its value in, pushes its coding key, runs the member's
/// `init(from:)` against this same decoder and restores both, so a member costs no allocation (beyond the
/// `KeyedDecodingContainer` box that Codable itself allocates); containers share the
/// tree's own arrays and dictionaries, nothing is copied or re-serialised. The decoder is
/// also its own `SingleValueDecodingContainer`. Like every `Decoder`, its containers must
/// not be kept after the `init(from:)` that created them returns. `nestedContainer` and
/// `superDecoder` hand out a separate decoder rooted at the member.
///
/// ```swift
/// let decoder = JSONTreeDecoder(value: ["id": "a1"], userInfo: [:], base: [])
/// let container = try decoder.container(keyedBy: AnyCodingKey.self)
/// ```
final class JSONTreeDecoder: Decoder, SingleValueDecodingContainer {
    /// The value being decoded and the coding keys above it, behind a single stored
    /// property so that entering or leaving a member costs one exclusivity check.
    struct State {
        var value: JSONValue
        var path: JSONCodingKeyStack

        /// Swaps `member` in (the enclosing value goes to `member`) and pushes `key`.
        mutating func enter(_ member: inout JSONValue, key: any CodingKey) {
            swap(&value, &member)
            path.push(key)
        }

        /// Undoes `enter`: pops the key and swaps the enclosing value back.
        mutating func leave(_ enclosing: inout JSONValue) {
            path.pop()
            swap(&value, &enclosing)
        }
    }

    let userInfo: [CodingUserInfoKey: Any]
    private(set) var state: State

    init(value: JSONValue, userInfo: [CodingUserInfoKey: Any], base: [any CodingKey]) {
        self.userInfo = userInfo
        self.state = State(value: value, path: JSONCodingKeyStack(base: base))
    }

    /// The value being decoded.
    var value: JSONValue { state.value }

    var codingPath: [any CodingKey] { state.path.path(depth: state.path.depth) }

    /// The coding path of a container at `depth`.
    func path(depth: Int) -> [any CodingKey] { state.path.path(depth: depth) }

    /// The coding path of the member `key` of a container at `depth`.
    func path(depth: Int, appending key: any CodingKey) -> [any CodingKey] { state.path.path(depth: depth, appending: key) }

    // MARK: Decoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = state.value else {
            throw Self.mismatch([String: JSONValue].self, found: state.value, path: codingPath)
        }
        return KeyedDecodingContainer(JSONTreeKeyedDecodingContainer<Key>(decoder: self, members: members, depth: state.path.depth))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = state.value else {
            throw Self.mismatch([JSONValue].self, found: state.value, path: codingPath)
        }
        return JSONTreeUnkeyedDecodingContainer(decoder: self, elements: elements, depth: state.path.depth)
    }

    func singleValueContainer() -> any SingleValueDecodingContainer { self }

    // MARK: Members

    /// Decodes `member`, the value of `key` in the container at `depth`.
    func decodeMember<T: Decodable>(_ type: T.Type, from member: JSONValue, key: some CodingKey, depth: Int) throws -> T {
        let special = JSONTreeSpecialType(T.self)
        if special != .none {
            return try unboxSpecial(special, as: T.self, from: member, path: path(depth: depth, appending: key))
        }
        var enclosing = member
        state.enter(&enclosing, key: key)
        defer { state.leave(&enclosing) }
        return try T(from: self)
    }

    /// A separate decoder rooted at `member` (for `nestedContainer` and `superDecoder`).
    func subdecoder(for member: JSONValue, key: any CodingKey, depth: Int) -> JSONTreeDecoder {
        JSONTreeDecoder(value: member, userInfo: userInfo, base: path(depth: depth, appending: key))
    }

    // MARK: SingleValueDecodingContainer

    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try unboxBool(value, path: codingPath) }
    func decode(_ type: String.Type) throws -> String { try unboxString(value, path: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try unboxDouble(value, path: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try unboxFloat(value, path: codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try unboxInteger(value, as: Int.self, path: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try unboxInteger(value, as: Int8.self, path: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try unboxInteger(value, as: Int16.self, path: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try unboxInteger(value, as: Int32.self, path: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try unboxInteger(value, as: Int64.self, path: codingPath) }
    func decode(_ type: Int128.Type) throws -> Int128 { try unboxInteger(value, as: Int128.self, path: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try unboxInteger(value, as: UInt.self, path: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try unboxInteger(value, as: UInt8.self, path: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try unboxInteger(value, as: UInt16.self, path: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try unboxInteger(value, as: UInt32.self, path: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try unboxInteger(value, as: UInt64.self, path: codingPath) }
    func decode(_ type: UInt128.Type) throws -> UInt128 { try unboxInteger(value, as: UInt128.self, path: codingPath) }

    /// Decodes `T` from this same value (no new coding-path component).
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let special = JSONTreeSpecialType(T.self)
        if special != .none { return try unboxSpecial(special, as: T.self, from: value, path: codingPath) }
        return try T(from: self)
    }
}
