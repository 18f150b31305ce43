import OpenAPIKit

/// A rendered summary of the changes between two spec versions, used by
/// `handoffrail-codegen diff OLD NEW` to print the result and pick the exit code.
///
/// Breaking changes come first, then non-breaking ones, then a summary line:
///
/// ```text
/// Breaking changes (1):
///   - #/paths/~1api~1v1~1packets/post: operation POST /api/v1/packets was removed; ...
///
/// Non-breaking changes (1):
///   - #/paths/~1api~1v1~1agents: path /api/v1/agents was added
///
/// 1 breaking, 1 non-breaking
/// ```
package struct SpecChangeReport: Sendable, CustomStringConvertible {

    /// All changes, in the deterministic order of ``SpecChange``.
    package var changes: [SpecChange]

    /// Creates a report from already computed changes.
    /// - Parameter changes: The changes to report; they are sorted for rendering.
    package init(changes: [SpecChange]) {
        self.changes = changes.sorted()
    }

    /// Compares two documents and creates a report of their differences.
    /// - Parameters:
    ///   - old: The spec clients were built against.
    ///   - new: The proposed spec.
    ///   - checker: The checker that classifies the differences.
    package init(
        from old: OpenAPI.Document,
        to new: OpenAPI.Document,
        checker: SpecCompatibilityChecker = .init()
    ) {
        self.init(changes: checker.changes(from: old, to: new))
    }

    /// The changes that break existing clients.
    package var breakingChanges: [SpecChange] {
        changes.filter { $0.severity == .breaking }
    }

    /// The changes that keep existing clients working.
    package var nonBreakingChanges: [SpecChange] {
        changes.filter { $0.severity == .nonBreaking }
    }

    /// Whether any change breaks existing clients; the `diff` command exits
    /// with a non-zero status when this is `true`.
    package var hasBreakingChanges: Bool {
        changes.contains { $0.severity == .breaking }
    }

    /// The summary line, for example `2 breaking, 1 non-breaking`.
    package var summary: String {
        "\(breakingChanges.count) breaking, \(nonBreakingChanges.count) non-breaking"
    }

    /// The full text report, ending with a newline.
    package var description: String {
        var sections: [String] = []
        for (title, group) in [("Breaking changes", breakingChanges), ("Non-breaking changes", nonBreakingChanges)]
        where !group.isEmpty {
            let lines = group.map { "  - \($0.location): \($0.message)" }
            sections.append((["\(title) (\(group.count)):"] + lines).joined(separator: "\n"))
        }
        if sections.isEmpty {
            sections.append("No changes.")
        }
        sections.append(summary)
        return sections.joined(separator: "\n\n") + "\n"
    }
}
