import Foundation
import HandoffRailModels

/// JSON Pointer fragments (`#/properties/a~1b`) for schema locations and local `$ref`s.
///
/// ```swift
/// SchemaPointer.fragment(["properties", "a/b"])          // "#/properties/a~1b"
/// SchemaPointer.tokens(ofFragment: "#/$defs/Pending%20Action") // ["$defs", "Pending Action"]
/// ```
enum SchemaPointer {
    /// The fragment for a path of keys (`#` for the root).
    static func fragment(_ path: [String]) -> String {
        path.isEmpty ? "#" : "#/" + path.map(JSONPointer.escape).joined(separator: "/")
    }

    /// The keys of a local reference: `#/` then percent-decoded, `~1`/`~0`-unescaped tokens
    /// (the SDK's `resolve_ref`); `nil` for anything else.
    static func tokens(ofFragment ref: String) -> [String]? {
        guard ref.hasPrefix("#/"), let decoded = String(ref.dropFirst()).removingPercentEncoding else { return nil }
        return JSONPointer.tokens(decoded)
    }
}
