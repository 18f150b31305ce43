import Foundation

/// RFC 6901 JSON Pointer helpers used to address subschemas (`#/$defs/Packet`).
///
/// ```swift
/// JSONPointer.tokens("/a~1b/0")            // ["a/b", "0"]
/// JSONPointer.resolve("/items/0", in: doc) // the first element of doc["items"]
/// ```
package enum JSONPointer {
    /// The unescaped reference tokens of `pointer`, or `nil` if it is neither empty nor starts with `/`.
    package static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { token in
            token.contains("~") ? token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") : String(token)
        }
    }

    /// Escapes one token (`~` → `~0`, `/` → `~1`).
    package static func escape(_ token: String) -> String {
        guard token.contains("~") || token.contains("/") else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The value `pointer` designates inside `document`, or `nil`.
    static func resolve(_ pointer: String, in document: JSONValue) -> JSONValue? {
        guard let tokens = tokens(pointer) else { return nil }
        var current = document
        for token in tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = Int(token), index >= 0, index < elements.count,
                      token == "0" || !token.hasPrefix("0") else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}
