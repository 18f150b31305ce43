/// One difference between two versions of the OpenAPI spec, classified by
/// whether it breaks existing clients on the wire (or the generated SDK API).
///
/// Changes are produced by ``SpecCompatibilityChecker`` and rendered by
/// ``SpecChangeReport``. Purely textual edits (descriptions, summaries,
/// titles, examples) never produce a change.
///
/// ```swift
/// let change = SpecChange(
///     severity: .breaking,
///     location: "#/paths/~1api~1v1~1packets/post",
///     message: "operation POST /api/v1/packets was removed; clients calling it will fail"
/// )
/// print(change) // [breaking] #/paths/~1api~1v1~1packets/post: operation POST ...
/// ```
package struct SpecChange: Sendable, Hashable, CustomStringConvertible {

    /// Whether a change breaks existing clients.
    package enum Severity: String, Sendable {

        /// Existing clients (or code written against the generated SDK) can
        /// break: a request they send may be rejected, a response they receive
        /// may no longer decode, or a generated API they call may disappear.
        case breaking

        /// Existing clients keep working; new capabilities may be available.
        case nonBreaking
    }

    /// Whether the change breaks existing clients.
    package var severity: Severity

    /// A JSON pointer such as `#/paths/~1api~1v1~1packets/post/requestBody`.
    ///
    /// Points into the new spec, except for removals, which point into the
    /// old spec (the removed element no longer exists in the new one).
    package var location: String

    /// One human-readable line: what changed and why it does or does not break clients.
    package var message: String

    /// Creates a change.
    /// - Parameters:
    ///   - severity: Whether the change breaks existing clients.
    ///   - location: A JSON pointer into the new spec (the old spec for removals).
    ///   - message: One line saying what changed and why it matters.
    package init(severity: Severity, location: String, message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    /// A one-line rendering, for example
    /// `[breaking] #/paths/~1a/get: operation GET /a was removed; ...`.
    package var description: String {
        "[\(severity.label)] \(location): \(message)"
    }
}

extension SpecChange.Severity {

    /// The label used in rendered output: `breaking` or `non-breaking`.
    package var label: String {
        switch self {
        case .breaking: "breaking"
        case .nonBreaking: "non-breaking"
        }
    }
}

extension SpecChange: Comparable {

    /// Orders changes by location, then message, then severity, so output
    /// is deterministic regardless of how the specs were traversed.
    package static func < (lhs: SpecChange, rhs: SpecChange) -> Bool {
        (lhs.location, lhs.message, lhs.severity.rawValue) < (rhs.location, rhs.message, rhs.severity.rawValue)
    }
}
