/// A problem found in the spec, with where it is.
///
/// Generation never crashes on a bad spec and never silently skips a construct it
/// does not support: it reports a diagnostic whose `location` is a JSON pointer into
/// the spec (`#/paths/~1api~1v1~1packets/post/requestBody`) so the author can jump there.
package struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    package enum Severity: Int, Sendable, Hashable, Comparable {
        case note, warning, error

        package var name: String {
            switch self {
            case .note: return "note"
            case .warning: return "warning"
            case .error: return "error"
            }
        }

        package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    package var severity: Severity
    package var message: String
    /// JSON pointer (with a leading `#`) into the spec document, or `nil` for whole-document problems.
    package var location: String?

    package init(_ severity: Severity, _ message: String, at location: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    package var description: String {
        let place = location.map { " [\($0)]" } ?? ""
        return "\(severity.name): \(message)\(place)"
    }
}

/// Collects the diagnostics of one generator run.
package final class DiagnosticCollector: @unchecked Sendable {
    // The generator runs single-threaded; the lock only keeps the type honest about `Sendable`.
    private var storage: [Diagnostic] = []
    private let lock = Lock()

    package init() {}

    package func emit(_ diagnostic: Diagnostic) {
        lock.withLock { storage.append(diagnostic) }
    }

    package func error(_ message: String, at location: String?) {
        emit(Diagnostic(.error, message, at: location))
    }

    package func warning(_ message: String, at location: String?) {
        emit(Diagnostic(.warning, message, at: location))
    }

    /// Everything emitted so far, in emission order.
    package var diagnostics: [Diagnostic] { lock.withLock { storage } }

    package var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Thrown when generation cannot produce correct output; carries every diagnostic.
package struct GenerationFailed: Error, CustomStringConvertible {
    package var diagnostics: [Diagnostic]

    package var description: String {
        let errors = diagnostics.filter { $0.severity == .error }
        return "Generation failed with \(errors.count) error(s):\n"
            + diagnostics.map { "  " + $0.description }.joined(separator: "\n")
    }
}
