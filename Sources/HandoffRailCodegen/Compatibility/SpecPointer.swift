import Foundation

/// A JSON pointer (RFC 6901) written as a URI fragment, such as
/// `#/paths/~1api~1v1~1packets/post/requestBody`.
///
/// Every ``SpecChange`` carries one so a reviewer can jump straight to the
/// part of the spec that changed. Tokens are escaped when appended (`~`
/// becomes `~0`, `/` becomes `~1`), so callers pass raw names such as
/// `/api/v1/packets` or `application/json`.
///
/// ```swift
/// let pointer = SpecPointer.root.appending("paths", "/api/v1/packets", "post")
/// pointer.description // "#/paths/~1api~1v1~1packets/post"
/// ```
struct SpecPointer: Hashable, Sendable, CustomStringConvertible {

    /// The unescaped reference tokens, outermost first.
    private(set) var tokens: [String]

    /// The pointer to the whole document, `#`.
    static let root = SpecPointer(tokens: [])

    /// The pointer to a named entry of the document's `components`, for
    /// example `#/components/schemas/Packet`.
    /// - Parameters:
    ///   - section: The components section, such as `schemas` or `parameters`.
    ///   - name: The component name.
    static func component(_ section: String, _ name: String) -> SpecPointer {
        root.appending("components", section, name)
    }

    /// Returns a pointer one or more levels deeper.
    /// - Parameter tokens: Raw (unescaped) reference tokens to append.
    func appending(_ tokens: String...) -> SpecPointer {
        var copy = self
        copy.tokens.append(contentsOf: tokens)
        return copy
    }

    /// The fragment form: `#` followed by `/token` for each escaped token.
    var description: String {
        "#" + tokens.map { "/" + Self.escape($0) }.joined()
    }

    /// Escapes one reference token as RFC 6901 requires (`~` first, then `/`).
    static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}

/// The same place in the old and the new spec while both are walked in step.
///
/// The two pointers differ once a `$ref` is followed on one side only, or
/// when the alternatives of a `oneOf` move to another index.
struct SpecPointerPair: Hashable, Sendable {

    /// Where the element lives in the old spec; removals are reported here.
    var old: SpecPointer

    /// Where the element lives in the new spec; everything else is reported here.
    var new: SpecPointer

    /// Creates a pair from two pointers.
    init(old: SpecPointer, new: SpecPointer) {
        self.old = old
        self.new = new
    }

    /// Creates a pair pointing to the same place in both specs.
    init(_ both: SpecPointer) {
        self.init(old: both, new: both)
    }

    /// Returns the pair one or more levels deeper on both sides.
    func appending(_ tokens: String...) -> SpecPointerPair {
        var copy = self
        for token in tokens {
            copy.old = copy.old.appending(token)
            copy.new = copy.new.appending(token)
        }
        return copy
    }
}
