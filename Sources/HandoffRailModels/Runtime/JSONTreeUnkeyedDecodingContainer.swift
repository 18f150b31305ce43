import Foundation

/// Reads the elements of a `JSONValue` array for a `JSONTreeDecoder`.
///
/// Kept to three words (the index and depth are 32-bit) so that the
/// `any UnkeyedDecodingContainer` that `unkeyedContainer()` returns fits an existential's
/// inline buffer instead of being boxed on the heap for every array.
///
/// ```swift
/// var container = try decoder.unkeyedContainer()
/// while !container.isAtEnd { tags.append(try container.decode(String.self)) }
/// ```
struct JSONTreeUnkeyedDecodingContainer: UnkeyedDecodingContainer {
    let decoder: JSONTreeDecoder
    let elements: [JSONValue]
    private var index: UInt32 = 0
    private let storedDepth: UInt32

    init(decoder: JSONTreeDecoder, elements: [JSONValue], depth: Int) {
        self.decoder = decoder
        self.elements = elements
        self.storedDepth = UInt32(depth)
    }

    /// The coding-path depth of the array.
    var depth: Int { Int(storedDepth) }

    var codingPath: [any CodingKey] { decoder.path(depth: depth) }

    var count: Int? { elements.count }

    var isAtEnd: Bool { Int(index) >= elements.count }

    var currentIndex: Int { Int(index) }

    private var currentKey: JSONIndexKey { JSONIndexKey(index: currentIndex) }

    private var currentPath: [any CodingKey] { decoder.path(depth: depth, appending: currentKey) }

    /// The current element; at the end, `valueNotFound` for `type`.
    private func current(_ type: Any.Type) throws -> JSONValue {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type, DecodingError.Context(codingPath: currentPath, debugDescription: "Unkeyed container is at end."))
        }
        return elements[currentIndex]
    }

    private mutating func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let result = try decoder.unboxInteger(try current(I.self), as: I.self, path: currentPath)
        index += 1
        return result
    }

    /// `true` (and moves on) when the current element is `null`; otherwise stays put.
    mutating func decodeNil() throws -> Bool {
        guard try current(Never?.self).isNull else { return false }
        index += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let result = try decoder.unboxBool(try current(Bool.self), path: currentPath)
        index += 1
        return result
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let result = try decoder.unboxString(try current(String.self), path: currentPath)
        index += 1
        return result
    }

    mutating func decode(_ type: Double.Type) throws -> Double {
        let result = try decoder.unboxDouble(try current(Double.self), path: currentPath)
        index += 1
        return result
    }

    mutating func decode(_ type: Float.Type) throws -> Float {
        let result = try decoder.unboxFloat(try current(Float.self), path: currentPath)
        index += 1
        return result
    }

    mutating func decode(_ type: Int.Type) throws -> Int { try integer(Int.self) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(Int8.self) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(Int16.self) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(Int32.self) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(Int64.self) }
    mutating func decode(_ type: Int128.Type) throws -> Int128 { try integer(Int128.self) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(UInt.self) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(UInt8.self) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(UInt16.self) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(UInt32.self) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(UInt64.self) }
    mutating func decode(_ type: UInt128.Type) throws -> UInt128 { try integer(UInt128.self) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let result = try decoder.decodeMember(T.self, from: try current(T.self), key: currentKey, depth: depth)
        index += 1
        return result
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let nested = try decoder.subdecoder(for: try current([String: JSONValue].self), key: currentKey, depth: depth)
            .container(keyedBy: NestedKey.self)
        index += 1
        return nested
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let nested = try decoder.subdecoder(for: try current([JSONValue].self), key: currentKey, depth: depth).unkeyedContainer()
        index += 1
        return nested
    }

    mutating func superDecoder() throws -> any Decoder {
        let decoder = self.decoder.subdecoder(for: try current((any Decoder).self), key: currentKey, depth: depth)
        index += 1
        return decoder
    }
}
