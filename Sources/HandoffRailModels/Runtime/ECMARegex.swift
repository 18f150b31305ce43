import Foundation

/// A JSON Schema `pattern` (ECMA-262 syntax) compiled once with `NSRegularExpression` (ICU).
///
/// ICU and ECMA-262 mostly agree, but differ where it matters for validation: ICU's `\d`
/// and `\w` match any Unicode digit/word character while ECMA's are ASCII-only (and ECMA's
/// `\s` also matches U+FEFF), ICU's `$`
/// also matches before a final line break, and inside a character class ICU treats `[`
/// and `&&` as set operators. The pattern is rewritten for those cases before compiling,
/// and never at validation time. Patterns are unanchored searches, as the spec says.
///
/// ```swift
/// let regex = try ECMARegex("^[a-z]+$")
/// regex.matches("abc")   // true
/// ```
struct ECMARegex: Sendable {
    /// The pattern as written in the schema.
    let source: String
    private let regex: NSRegularExpression
    /// Set when the pattern is a plain literal; `matches` is then a substring search.
    private let literal: String?

    init(_ pattern: String) throws(JSONSchemaError) {
        source = pattern
        do {
            regex = try NSRegularExpression(pattern: Self.translate(pattern), options: [])
        } catch {
            throw JSONSchemaError(kind: .invalidPattern, location: "", message: "invalid regular expression '\(pattern)'")
        }
        let metacharacters = Set("\\^$.|?*+()[]{}")
        literal = pattern.contains(where: { metacharacters.contains($0) }) ? nil : pattern
    }

    /// Whether the pattern matches anywhere in `string`.
    func matches(_ string: String) -> Bool {
        if let literal { return literal.isEmpty || string.contains(literal) }
        let range = NSRange(location: 0, length: string.utf16.count)
        return regex.firstMatch(in: string, options: [], range: range) != nil
    }

    /// Rewrites ECMA-262 constructs whose ICU meaning differs (see the type documentation).
    static func translate(_ pattern: String) -> String {
        var output = ""
        output.reserveCapacity(pattern.utf8.count + 8)
        var characters = pattern.makeIterator()
        var inClass = false
        var classStart = false  // just after `[` or `[^`
        while let character = characters.next() {
            if character == "\\" {
                guard let escaped = characters.next() else { output.append("\\\\"); break }
                classStart = false
                switch escaped {
                case "d": output.append(inClass ? "0-9" : "[0-9]")
                case "D": output.append(inClass ? "\\D" : "[^0-9]")
                case "w": output.append(inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]")
                case "W": output.append(inClass ? "\\W" : "[^a-zA-Z0-9_]")
                case "s": output.append(inClass ? "\\s\\x{FEFF}" : "[\\s\\x{FEFF}]")  // ECMA \s includes U+FEFF
                case "S": output.append(inClass ? "\\S" : "[^\\s\\x{FEFF}]")
                default:
                    output.append("\\")
                    output.append(escaped)
                }
                continue
            }
            if inClass {
                if character == "]" && !classStart {
                    inClass = false
                    output.append("]")
                } else if character == "^" && classStart && output.hasSuffix("[") {
                    output.append("^")
                    continue  // still at the class start
                } else if character == "]" {
                    // `[]` matches nothing and `[^]` anything in ECMA-262.
                    if output.hasSuffix("[^") {
                        output.removeLast(2)
                        output.append("[\\s\\S]")
                    } else {
                        output.removeLast()
                        output.append("(?!)")
                    }
                    inClass = false
                } else if character == "[" || character == "&" {
                    output.append("\\")
                    output.append(character)
                } else {
                    output.append(character)
                }
                classStart = false
                continue
            }
            switch character {
            case "[":
                inClass = true
                classStart = true
                output.append("[")
            case "$":
                output.append("\\z")  // ECMA `$` (no multiline flag) is the end of input only
            default:
                output.append(character)
            }
        }
        return output
    }
}
