import Foundation

/// A failure the command line reports itself: one readable line, an exit status and, for
/// `--verbose`, the full server answer.
///
/// Commands throw it for problems found before any request (a file that does not parse, a
/// missing flag combination); ``ErrorPresenter`` turns SDK errors into it as well.
///
/// ```swift
/// throw CLIFailure.usage("--file and --summary cannot be combined")
/// ```
struct CLIFailure: Error, Sendable, CustomStringConvertible {
    /// How the process exits.
    var status: ExitStatus
    /// The one-line message (no API key, no newlines).
    var message: String
    /// Everything else worth showing with `--verbose` (the server's full JSON answer, …).
    var verboseDetail: String?

    /// A failure with `status` and `message`.
    init(status: ExitStatus, message: String, verboseDetail: String? = nil) {
        self.status = status
        self.message = message.replacingOccurrences(of: "\n", with: " ")
        self.verboseDetail = verboseDetail
    }

    /// A mistake in the command line, an input file or the configuration (exit code 2).
    static func usage(_ message: String) -> CLIFailure {
        CLIFailure(status: .usageError, message: message)
    }

    var description: String { message }
}
