/// Python `str` behaviour the SDK's summary parser relies on, over Unicode scalars (Python
/// strings are sequences of code points): `isspace`, `strip`, `splitlines`, `isdigit`.
///
/// Swift's `Character` rules differ (grapheme clusters, `\r\n` as one character, a different
/// whitespace set), so parsing a summary the SDK way has to use these.
///
/// ```swift
/// PythonStringRules.strip(Array(" a\u{1C}".unicodeScalars))   // ["a"]
/// ```
enum PythonStringRules {
    typealias Scalars = [Unicode.Scalar]

    /// `str.isspace` for one code point: bidi class WS, B or S, or category Zs.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `str.isdigit`: non-empty, every code point of numeric type decimal or digit.
    static func isDigits(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        !scalars.isEmpty && scalars.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit }
    }

    static func lstrip(_ scalars: Scalars) -> Scalars { Array(scalars.drop(while: isSpace)) }

    static func rstrip(_ scalars: Scalars) -> Scalars {
        var end = scalars.count
        while end > 0, isSpace(scalars[end - 1]) { end -= 1 }
        return Array(scalars[..<end])
    }

    static func strip(_ scalars: Scalars) -> Scalars { rstrip(lstrip(scalars)) }

    /// `str.splitlines()`: breaks at `\n`, `\r`, `\r\n`, `\v`, `\f`, `\x1c`–`\x1e`, `\x85`,
    /// `\u2028`, `\u2029`; no empty last line for a trailing break.
    static func splitLines(_ scalars: Scalars) -> [Scalars] {
        var lines: [Scalars] = []
        var current: Scalars = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
                lines.append(current)
                current = []
                if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
            default:
                current.append(scalar)
            }
            index += 1
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static func firstIndex(of scalar: Unicode.Scalar, in scalars: Scalars) -> Int? { scalars.firstIndex(of: scalar) }

    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static func scalars(_ text: String) -> Scalars { Array(text.unicodeScalars) }

    static func containsNewline(_ text: String) -> Bool { text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" } }
}
