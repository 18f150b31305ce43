import Foundation

/// Why a byte sequence is not a JSON document, and where.
///
/// The parser reports the byte offset of the first offending byte (0-based) and a short
/// reason in the style of Python's `json` module, because FastAPI clients expect
/// `{"type":"json_invalid","loc":["body", <offset>],"msg":"JSON decode error",...}`.
///
/// ```swift
/// do { _ = try JSONValue(parsing: Data("[1,]".utf8)) }
/// catch { print(error.offset, error.reason) }   // 3 Expecting value
/// ```
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Byte offset (0-based) into the input where the problem was detected.
    public var offset: Int
    /// Short human-readable reason, e.g. `"Expecting value"` or `"Invalid UTF-8"`.
    public var reason: String

    /// Creates an error; normally only the parser does this.
    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    /// `"JSON decode error at byte 3: Expecting value"`.
    public var description: String { "JSON decode error at byte \(offset): \(reason)" }

    /// The FastAPI-style issue for this error, so an HTTP layer can answer 422 uniformly.
    ///
    /// ```swift
    /// error.validationIssue()   // type "json_invalid", loc ["body", 3], ctx {"error": "Expecting value"}
    /// ```
    public func validationIssue(locationPrefix: [JSONPathComponent] = [.key("body")]) -> ValidationIssue {
        ValidationIssue(
            type: "json_invalid",
            loc: locationPrefix + [.index(offset)],
            msg: "JSON decode error",
            input: .object([:]),
            ctx: ["error": .string(reason)]
        )
    }
}
