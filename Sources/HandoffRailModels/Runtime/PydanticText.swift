import Foundation

/// Renders values the way pydantic's messages do.
///
/// pydantic-core (Rust) prints numbers with Rust's `Display` (`2.0` → `2`, `1e-7` →
/// `0.0000001`, never an exponent) and expected values with Python's `repr`
/// (`'low', 'normal' or 'high'`), and clients sometimes match on those messages, so the
/// formatting is reproduced exactly.
///
/// ```swift
/// PydanticText.number(.number(2.0))                     // "2"
/// PydanticText.expectedList(["low", "normal", "high"])  // "'low', 'normal' or 'high'"
/// ```
enum PydanticText {
    /// A JSON number as Rust's `Display` prints it (shortest round-trip digits, plain notation, no `.0`).
    static func number(_ value: JSONValue) -> String {
        switch value {
        case .integer(let integer): return String(integer)
        case .number(let double): return plainDecimal(double)
        default: return pythonRepr(value)
        }
    }

    static func plainDecimal(_ double: Double) -> String {
        guard double.isFinite else { return double.isNaN ? "NaN" : (double < 0 ? "-inf" : "inf") }
        if double == 0 { return double.sign == .minus ? "-0" : "0" }
        guard let (mantissa, exponent) = DecimalMultiple.decompose(.number(double)) else { return double.description }
        let digits = String(mantissa)
        var result = double < 0 ? "-" : ""
        if exponent >= 0 {
            result += digits + String(repeating: "0", count: exponent)
        } else {
            let pointPosition = digits.count + exponent
            if pointPosition > 0 {
                result += digits.prefix(pointPosition) + "." + digits.dropFirst(pointPosition)
            } else {
                result += "0." + String(repeating: "0", count: -pointPosition) + digits
            }
        }
        return result
    }

    /// Python's `repr` of the value parsed from JSON (`'a'`, `1`, `1.5`, `True`, `None`, `[1, 'a']`, `{'k': 1}`).
    static func pythonRepr(_ value: JSONValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .integer(let integer): return String(integer)
        case .number(let double):
            if double.isNaN { return "nan" }
            if double.isInfinite { return double < 0 ? "-inf" : "inf" }
            return double.description  // Swift's shortest round-trip form matches Python's repr
        case .string(let string): return pythonStringRepr(string)
        case .array(let elements): return "[" + elements.map(pythonRepr).joined(separator: ", ") + "]"
        case .object(let members):
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            return "{" + keys.map { pythonStringRepr($0) + ": " + pythonRepr(members[$0]!) }.joined(separator: ", ") + "}"
        }
    }

    /// Python `repr(str)`: single quotes unless the text contains `'` but no `"`.
    static func pythonStringRepr(_ string: String) -> String {
        let quote: Character = string.contains("'") && !string.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if Character(scalar) == quote {
                    result += "\\" + String(quote)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result.append(quote)
        return result
    }

    /// pydantic's list of expected values: `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`.
    static func expectedList(_ values: [JSONValue]) -> String {
        let reprs = values.map(pythonRepr)
        guard reprs.count > 1 else { return reprs.first ?? "" }
        return reprs.dropLast().joined(separator: ", ") + " or " + reprs.last!
    }

    /// `"1 item"` / `"2 items"`.
    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
