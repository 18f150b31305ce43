import Foundation

extension JSONValue {
    /// Parses a UTF-8 JSON document strictly (RFC 8259), keeping integers apart from doubles.
    ///
    /// Integers that fit `Int` become `.integer`; anything with a fraction or exponent, or
    /// too large for `Int`, becomes `.number`. Nesting deeper than `maxDepth` is an error
    /// rather than a stack overflow, so request bodies can be parsed without limits
    /// checks elsewhere.
    ///
    /// ```swift
    /// let body = try JSONValue(parsing: Data(#"{"priority":"high","attempts":2}"#.utf8))
    /// ```
    public init(parsing data: Data, maxDepth: Int = 512) throws(JSONParseError) {
        let result: Result<JSONValue, JSONParseError> = data.withUnsafeBytes { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            do throws(JSONParseError) {
                return .success(try JSONParser.parse(buffer, maxDepth: maxDepth))
            } catch {
                return .failure(error)
            }
        }
        self = try result.get()
    }

    /// Parses a JSON document held in a `String` (see `init(parsing:maxDepth:)` for `Data`).
    ///
    /// ```swift
    /// let value = try JSONValue(parsing: "[1, 2.5, true]")
    /// ```
    public init(parsing text: String, maxDepth: Int = 512) throws(JSONParseError) {
        var text = text
        let result: Result<JSONValue, JSONParseError> = text.withUTF8 { buffer in
            do throws(JSONParseError) {
                return .success(try JSONParser.parse(buffer, maxDepth: maxDepth))
            } catch {
                return .failure(error)
            }
        }
        self = try result.get()
    }

    /// Parses any collection of UTF-8 bytes (`[UInt8]`, `ArraySlice<UInt8>`, `ByteBuffer` views…).
    ///
    /// Contiguous collections are parsed in place; others are copied once.
    ///
    /// ```swift
    /// let value = try JSONValue.parse(Array("null".utf8))   // .null
    /// ```
    public static func parse(_ bytes: some Collection<UInt8>, maxDepth: Int = 512) throws(JSONParseError) -> JSONValue {
        func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<JSONValue, JSONParseError> {
            do throws(JSONParseError) {
                return .success(try JSONParser.parse(buffer, maxDepth: maxDepth))
            } catch {
                return .failure(error)
            }
        }
        if let result = bytes.withContiguousStorageIfAvailable(run) {
            return try result.get()
        }
        return try Array(bytes).withUnsafeBufferPointer(run).get()
    }
}
