import Foundation

/// Why a text is not JSON; says where, never echoes the text (it may hold a conversation).
///
/// ```swift
/// catch let error as OrderedJSONParseError { print(error) }   // Expecting value at scalar offset 7
/// ```
public struct OrderedJSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Offset in Unicode scalars from the start of the text.
    public let offset: Int
    /// What was expected or wrong there, in Python's `json` wording (`Expecting value`).
    public let reason: String

    /// `<reason> at scalar offset <offset>`.
    public var description: String { "\(reason) at scalar offset \(offset)" }
}

extension OrderedJSON {
    /// Parses a JSON document, keeping member order and number lexemes (RFC 8259, like Python's
    /// `json.loads` without its `NaN`/`Infinity` extensions; a repeated key keeps its first
    /// position and its last value, as a Python `dict` does).
    ///
    /// ```swift
    /// let value = try OrderedJSON(parsing: #"{"b": 1, "a": [2.0]}"#)
    /// ```
    public init(parsing text: String) throws(OrderedJSONParseError) {
        var parser = OrderedJSONParser(scalars: Array(text.unicodeScalars))
        self = try parser.document()
    }

    /// Parses UTF-8 bytes (see `init(parsing:)` for text); invalid UTF-8 is an error.
    public init(parsing data: Data) throws(OrderedJSONParseError) {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw OrderedJSONParseError(offset: 0, reason: "Invalid UTF-8")
        }
        try self.init(parsing: text)
    }
}

/// Recursive-descent parser over Unicode scalars, bounded in depth.
struct OrderedJSONParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var depth = 0
    private let maxDepth = 512

    init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func document() throws(OrderedJSONParseError) -> OrderedJSON {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == scalars.count else { throw failure("Extra data") }
        return value
    }

    private func failure(_ reason: String) -> OrderedJSONParseError { OrderedJSONParseError(offset: index, reason: reason) }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func skipWhitespace() {
        while let scalar = current, scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t" { index += 1 }
    }

    private mutating func parseValue() throws(OrderedJSONParseError) -> OrderedJSON {
        switch current {
        case "{"?: return try parseContainer(close: "}")
        case "["?: return try parseContainer(close: "]")
        case "\""?: return .string(try parseString())
        case "t"?: try expect("true"); return .bool(true)
        case "f"?: try expect("false"); return .bool(false)
        case "n"?: try expect("null"); return .null
        case let scalar? where scalar == "-" || ("0"..."9").contains(scalar): return .number(try parseNumber())
        default: throw failure("Expecting value")
        }
    }

    private mutating func expect(_ literal: String) throws(OrderedJSONParseError) {
        for expected in literal.unicodeScalars {
            guard current == expected else { throw failure("Expecting value") }
            index += 1
        }
    }

    private mutating func parseContainer(close: Unicode.Scalar) throws(OrderedJSONParseError) -> OrderedJSON {
        depth += 1
        guard depth <= maxDepth else { throw failure("Exceeded maximum nesting depth") }
        defer { depth -= 1 }
        index += 1
        var elements: [OrderedJSON] = []
        // Members plus a key → position index, so a large object parses in linear time (a
        // repeated key keeps its first position and takes the last value, like a `dict`).
        var members: [OrderedJSON.Member] = []
        var positions: [String: Int] = [:]
        skipWhitespace()
        if current == close {
            index += 1
            return close == "}" ? .object(members) : .array(elements)
        }
        while true {
            skipWhitespace()
            if close == "}" {
                guard current == "\"" else { throw failure("Expecting property name enclosed in double quotes") }
                let key = try parseString()
                skipWhitespace()
                guard current == ":" else { throw failure("Expecting ':' delimiter") }
                index += 1
                skipWhitespace()
                let value = try parseValue()
                if let position = positions[key] {
                    members[position].value = value
                } else {
                    positions[key] = members.count
                    members.append(OrderedJSON.Member(key, value))
                }
            } else {
                elements.append(try parseValue())
            }
            skipWhitespace()
            guard let scalar = current else { throw failure("Expecting ',' delimiter") }
            index += 1
            if scalar == "," { continue }
            if scalar == close { return close == "}" ? .object(members) : .array(elements) }
            index -= 1
            throw failure("Expecting ',' delimiter")
        }
    }

    private mutating func parseString() throws(OrderedJSONParseError) -> String {
        index += 1
        var result = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw failure("Unterminated string") }
            index += 1
            switch scalar {
            case "\"": return String(result)
            case "\\": result.append(try parseEscape())
            case _ where scalar.value < 0x20: throw failure("Invalid control character")
            default: result.append(scalar)
            }
        }
    }

    private mutating func parseEscape() throws(OrderedJSONParseError) -> Unicode.Scalar {
        guard let scalar = current else { throw failure("Unterminated string") }
        index += 1
        switch scalar {
        case "\"", "\\", "/": return scalar
        case "b": return "\u{08}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "u":
            let first = try hexQuad()
            if (0xD800...0xDBFF).contains(first), current == "\\", index + 1 < scalars.count, scalars[index + 1] == "u" {
                index += 2
                let second = try hexQuad()
                if (0xDC00...0xDFFF).contains(second) {
                    return Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))!
                }
                throw failure("Unpaired surrogate escape")
            }
            guard let decoded = Unicode.Scalar(first) else { throw failure("Unpaired surrogate escape") }
            return decoded
        default:
            index -= 1
            throw failure("Invalid \\escape")
        }
    }

    private mutating func hexQuad() throws(OrderedJSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = current, let digit = scalar.properties.isASCIIHexDigit ? UInt32(String(scalar), radix: 16) : nil else {
                throw failure("Invalid \\uXXXX escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(OrderedJSONParseError) -> String {
        let start = index
        if current == "-" { index += 1 }
        guard let lead = current, ("0"..."9").contains(lead) else { throw failure("Expecting value") }
        if lead == "0" { index += 1 } else { skipDigits() }
        if current == "." {
            index += 1
            guard skipDigits() > 0 else { throw failure("Expecting digits after the decimal point") }
        }
        if current == "e" || current == "E" {
            index += 1
            if current == "+" || current == "-" { index += 1 }
            guard skipDigits() > 0 else { throw failure("Expecting exponent digits") }
        }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    @discardableResult
    private mutating func skipDigits() -> Int {
        let start = index
        while let scalar = current, ("0"..."9").contains(scalar) { index += 1 }
        return index - start
    }
}
