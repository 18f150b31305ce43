import Foundation

/// A JSON pointer into the spec, built up one token at a time; `description` is the `#/…` form.
package struct JSONPointer: Sendable, Hashable, CustomStringConvertible {
    package private(set) var tokens: [String]

    package init(_ tokens: [String] = []) { self.tokens = tokens }

    /// The pointer one level deeper.
    package func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens + [token])
    }

    /// The pointer several levels deeper.
    package func appending(_ more: String...) -> JSONPointer {
        JSONPointer(tokens + more)
    }

    /// `#/paths/~1api~1v1~1packets/post` — `~` and `/` escaped per RFC 6901.
    package var description: String {
        "#" + tokens.map { "/" + Self.escape($0) }.joined()
    }

    package static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The pointer of a component schema.
    package static func schema(_ name: String) -> JSONPointer {
        JSONPointer(["components", "schemas", name])
    }

    /// The pointer of an operation.
    package static func operation(path: String, method: String) -> JSONPointer {
        JSONPointer(["paths", path, method])
    }
}

