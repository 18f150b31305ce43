import Foundation

/// How spec names become Swift names: `source_agent` → `sourceAgent`, `in_progress` → `inProgress`,
/// `packet.created` → `packetCreated`, `HTTPValidationError` → `httpValidationError` (as a case).
package enum SwiftNaming {
    /// Words of a wire name, split at `_`, `-`, `.`, spaces and lower→upper boundaries.
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in name {
            if character == "_" || character == "-" || character == "." || character == " " || character == "/"
                || character == "{" || character == "}"
            {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `lowerCamelCase`, with a leading acronym lowered as a whole (`HTTPError` → `httpError`).
    package static func lowerCamel(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "_" }
        // Lower a leading acronym as a run, keeping the capital that starts the next word:
        // `HTTPValidation` → `httpValidation`, `URL` → `url`, `Packet` → `packet`.
        let leadingCapitals = first.prefix { $0.isUppercase }.count
        let head: String
        if leadingCapitals == first.count {
            head = first.lowercased()
        } else if leadingCapitals > 1 {
            head = first.prefix(leadingCapitals - 1).lowercased() + first.dropFirst(leadingCapitals - 1)
        } else {
            head = first.prefix(1).lowercased() + first.dropFirst()
        }
        let tail = parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return escapeIdentifier(sanitize(head + tail))
    }

    /// `UpperCamelCase` for type names.
    package static func upperCamel(_ name: String) -> String {
        let joined = words(name).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        return sanitize(joined.isEmpty ? "_" : joined)
    }

    /// Replaces characters Swift identifiers cannot hold and prefixes a leading digit.
    static func sanitize(_ identifier: String) -> String {
        var result = String(identifier.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        if result.first?.isNumber == true { result = "_" + result }
        return result
    }

    /// Back-quotes Swift keywords so `default` or `in` can be a property or case name.
    package static func escapeIdentifier(_ identifier: String) -> String {
        keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// The identifier without back-quotes, for building derived names.
    static func unescaped(_ identifier: String) -> String {
        identifier.replacingOccurrences(of: "`", with: "")
    }

    private static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init",
        "inout", "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do",
        "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while",
        "as", "Any", "catch", "false", "is", "nil", "super", "self", "Self", "throw", "throws", "true", "try",
        "Type", "Protocol", "package",
    ]
}

