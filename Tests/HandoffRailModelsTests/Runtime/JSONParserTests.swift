import Foundation
import Testing
@testable import HandoffRailModels

@Suite("JSON parser")
struct JSONParserTests {
    @Test("valid documents", arguments: [
        ("null", JSONValue.null),
        (" true ", .bool(true)),
        ("false", .bool(false)),
        ("0", .integer(0)),
        ("-0", .integer(0)),
        ("-12", .integer(-12)),
        ("1.0", .number(1.0)),
        ("-0.0", .number(-0.0)),
        ("1e2", .number(100)),
        ("1E-2", .number(0.01)),
        ("2.5e+3", .number(2500)),
        ("9223372036854775807", .integer(Int.max)),
        ("-9223372036854775808", .integer(Int.min)),
        ("9223372036854775808", .number(9_223_372_036_854_775_808.0)),
        ("-9223372036854775809", .number(-9_223_372_036_854_775_809.0)),
        ("123456789012345678901234567890", .number(1.2345678901234568e29)),
        (#""""#, .string("")),
        (#""a\"b\\c\/d\b\f\n\r\t""#, .string("a\"b\\c/d\u{8}\u{c}\n\r\t")),
        (#""\u00e9\u20AC\ud83d\ude00""#, .string("é€😀")),
        ("\"é€😀\"", .string("é€😀")),
        ("[]", .array([])),
        ("{}", .object([:])),
        ("[1, [2, {\"a\": null}], \"x\"]", .array([1, [2, ["a": nil]], "x"])),
        ("{\"a\": 1, \"a\": 2}", .object(["a": 2])),
        ("\n\t\r {\"k\" : [ ] }\n", .object(["k": []])),
    ])
    func parsesValid(_ text: String, _ expected: JSONValue) throws {
        let value = try JSONValue(parsing: text)
        #expect(value == expected)
        if case .number(let double) = expected, double == 0 {
            #expect(value.serializedString() == expected.serializedString())  // keeps the sign of -0.0
        }
    }

    @Test("invalid documents report offset and reason", arguments: [
        ("", 0, "Expecting value"),
        ("   ", 3, "Expecting value"),
        ("[1,]", 3, "Expecting value"),
        ("[1 2]", 3, "Expecting ',' delimiter"),
        ("[1", 2, "Expecting ',' delimiter"),
        ("{\"a\" 1}", 5, "Expecting ':' delimiter"),
        ("{a: 1}", 1, "Expecting property name enclosed in double quotes"),
        ("{\"a\": 1,}", 8, "Expecting property name enclosed in double quotes"),
        ("01", 1, "Leading zeros are not allowed"),
        ("-01", 2, "Leading zeros are not allowed"),
        ("1.", 2, "Expecting digit after decimal point"),
        (".5", 0, "Expecting value"),
        ("1e", 2, "Expecting digit in exponent"),
        ("-", 0, "Expecting value"),
        ("+1", 0, "Expecting value"),
        ("NaN", 0, "Expecting value"),
        ("Infinity", 0, "Expecting value"),
        ("1e400", 0, "Number out of range"),
        ("tru", 0, "Expecting value"),
        ("nul", 0, "Expecting value"),
        ("[1] x", 4, "Extra data"),
        ("{} {}", 3, "Extra data"),
        ("\"abc", 0, "Unterminated string starting at"),
        ("\"a\u{01}\"", 2, "Invalid control character at"),
        ("\"a\nb\"", 2, "Invalid control character at"),
        ("\"\\x\"", 1, "Invalid \\escape"),
        ("\"\\u12\"", 1, "Invalid \\uXXXX escape"),
        ("\"\\ud800\"", 1, "Invalid \\uXXXX escape: lone surrogate"),
        ("\"\\ud800\\u0041\"", 1, "Invalid \\uXXXX escape: lone surrogate"),
        ("\"\\udc00\"", 1, "Invalid \\uXXXX escape: lone surrogate"),
        ("'a'", 0, "Expecting value"),
    ])
    func rejectsInvalid(_ text: String, _ offset: Int, _ reason: String) {
        #expect(throws: JSONParseError(offset: offset, reason: reason)) { try JSONValue(parsing: text) }
    }

    @Test("invalid UTF-8 is rejected", arguments: [
        ([0x22, 0xC3, 0x28, 0x22], 1),              // bad continuation byte
        ([0x22, 0xC0, 0xAF, 0x22], 1),              // overlong "/"
        ([0x22, 0xE0, 0x80, 0xAF, 0x22], 1),        // overlong 3-byte form
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),        // UTF-8 encoded surrogate U+D800
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // above U+10FFFF
        ([0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], 1),  // invalid lead byte
        ([0x22, 0x61, 0xE2, 0x82], 2),              // truncated sequence
        ([0x22, 0x80, 0x22], 1),                    // lone continuation byte
        ([0x5B, 0xFF, 0x5D], 1),                    // outside a string
    ] as [([UInt8], Int)])
    func rejectsInvalidUTF8(_ bytes: [UInt8], _ offset: Int) throws {
        let error = try #require(throws: JSONParseError.self) { try JSONValue.parse(bytes) }
        #expect(error.offset == offset)
    }

    @Test func rejectsByteOrderMark() {
        #expect(throws: JSONParseError(offset: 0, reason: "Unexpected UTF-8 BOM")) { try JSONValue.parse([0xEF, 0xBB, 0xBF, 0x31]) }
    }

    @Test func acceptsAllValidUTF8Lengths() throws {
        let text = "\"a\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}\""
        #expect(try JSONValue(parsing: Data(text.utf8)) == .string("a\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"))
    }

    @Test("10,000 nested arrays throw instead of overflowing the stack")
    func deepNestingThrows() throws {
        let open = String(repeating: "[", count: 10_000)
        let error = try #require(throws: JSONParseError.self) { try JSONValue(parsing: open) }
        #expect(error.offset == 512)
        #expect(error.reason == "Exceeded maximum nesting depth of 512")
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: open + String(repeating: "]", count: 10_000)) }
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: String(repeating: "{\"a\":", count: 10_000)) }
    }

    @Test func depthLimitIsExact() throws {
        let atLimit = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSONValue(parsing: atLimit) }
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "[" + atLimit + "]") }
        #expect(throws: JSONParseError.self) { try JSONValue(parsing: "[[[]]]", maxDepth: 2) }
        #expect(try JSONValue(parsing: "[[]]", maxDepth: 2) == [[]])
    }

    @Test func allEntryPointsAgree() throws {
        let text = #"{"id": "a-1", "n": [1, 2.5, true, null]}"#
        let expected: JSONValue = ["id": "a-1", "n": [1, 2.5, true, nil]]
        #expect(try JSONValue(parsing: text) == expected)
        #expect(try JSONValue(parsing: Data(text.utf8)) == expected)
        #expect(try JSONValue.parse(Array(text.utf8)) == expected)
        #expect(try JSONValue.parse(Array(text.utf8)[...]) == expected)
        #expect(try JSONValue.parse(text.utf8.lazy.map { $0 }) == expected)  // non-contiguous collection
    }

    @Test func integersStayIntegers() throws {
        let value = try JSONValue(parsing: "[1, 1.0, 1e0, 10000000000000000000]")
        #expect(value == [.integer(1), .number(1), .number(1), .number(1e19)])
    }

    @Test func parseErrorBecomesFastAPIIssue() throws {
        let error = try #require(throws: JSONParseError.self) { try JSONValue(parsing: "{\"a\": }") }
        let issue = error.validationIssue()
        #expect(issue.type == "json_invalid")
        #expect(issue.loc == [.key("body"), .index(6)])
        #expect(issue.msg == "JSON decode error")
        #expect(issue.input == .object([:]))
        #expect(issue.ctx == ["error": "Expecting value"])
        #expect(error.description == "JSON decode error at byte 6: Expecting value")
    }
}
