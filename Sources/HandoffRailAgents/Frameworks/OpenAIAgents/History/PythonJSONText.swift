/// Python's `json.dumps(value, ensure_ascii=False)`: `", "` and `": "` separators, members in
/// order, non-ASCII written as is, floats as `repr(float)`, integers exactly.
///
/// The SDK writes each summarised transcript item this way, so the nested history text only
/// matches byte for byte when every detail does: `\u001f` (lower-case hex) for control
/// characters, `1e-05` and `1e+16` for floats, `-0` read as the integer `0`.
///
/// ```swift
/// PythonJSONText.dumps(["a": 1, "b": [2.5, "é"]])   // {"a": 1, "b": [2.5, "é"]}
/// ```
enum PythonJSONText {
    static func dumps(_ value: OrderedJSON) -> String {
        var output = ""
        write(value, to: &output)
        return output
    }

    private static func write(_ value: OrderedJSON, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let lexeme): output += number(lexeme)
        case .string(let text): output += quoted(text)
        case .array(let elements):
            output += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { output += ", " }
                write(element, to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { output += ", " }
                output += quoted(member.key) + ": "
                write(member.value, to: &output)
            }
            output += "}"
        }
    }

    /// `int(lexeme)` or `float(lexeme)` as Python prints it back.
    static func number(_ lexeme: String) -> String {
        if OrderedJSON.isIntegerLexeme(lexeme) {
            let negative = lexeme.hasPrefix("-")
            let digits = lexeme.drop { $0 == "-" || $0 == "0" }
            return digits.isEmpty ? "0" : (negative ? "-" : "") + digits
        }
        guard let double = Double(lexeme) else { return lexeme }
        return floatRepr(double)
    }

    /// Python's `repr(float)`: the shortest round-trip digits (as Swift finds them), in fixed
    /// notation when the decimal point falls within -4 < position <= 16 (`0.0001`,
    /// `9262500000000000.0`), else `d.ddde±XX` (`1e-05`, `1e+16`). Swift's own `description`
    /// switches to exponents earlier (at 2^53), so only its digits are used.
    static func floatRepr(_ double: Double) -> String {
        if double.isNaN { return "NaN" }
        if double.isInfinite { return double < 0 ? "-Infinity" : "Infinity" }
        if double == 0 { return double.sign == .minus ? "-0.0" : "0.0" }
        let text = double.magnitude.description
        var mantissa = Substring(text)
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<marker]
            exponent = Int(text[text.index(after: marker)...]) ?? 0
        }
        let integerPart = mantissa.prefix { $0 != "." }
        let fraction = mantissa.drop { $0 != "." }.dropFirst()
        var digits = Array(integerPart + fraction)
        var point = integerPart.count + exponent
        while digits.first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == "0" { digits.removeLast() }
        let sign = double < 0 ? "-" : ""
        let body = String(digits)
        if point > -4 && point <= 16 {
            if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + body }
            if point >= body.count { return sign + body + String(repeating: "0", count: point - body.count) + ".0" }
            return sign + body.prefix(point) + "." + body.dropFirst(point)
        }
        let scientific = point - 1
        let magnitude = String(abs(scientific))
        let mantissaText = body.count > 1 ? body.prefix(1) + "." + body.dropFirst() : Substring(body)
        return sign + mantissaText + "e" + (scientific < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" : "") + magnitude
    }

    /// A JSON string literal with Python's escapes (`ensure_ascii=False`).
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}

extension OrderedJSON {
    /// This value as Python's `json.dumps(value, ensure_ascii=False)` writes it.
    public var pythonJSONText: String { PythonJSONText.dumps(self) }

    /// Compact JSON text in member order, numbers as written (for the wire).
    public var compactJSONText: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let lexeme): return lexeme
        case .string(let text): return PythonJSONText.quoted(text)
        case .array(let elements): return "[" + elements.map(\.compactJSONText).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { PythonJSONText.quoted($0.key) + ":" + $0.value.compactJSONText }.joined(separator: ",") + "}"
        }
    }
}
