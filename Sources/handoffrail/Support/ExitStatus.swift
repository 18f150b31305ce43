import ArgumentParser

/// The process exit codes of the client commands, stable for scripts.
///
/// ```sh
/// handoffrail packets claim "$id" --agent-id billing-01 --agent-name Billing
/// case $? in 0) echo mine ;; 1) echo "refused by the server" ;; 3) echo "server unreachable" ;; esac
/// ```
enum ExitStatus: Int32, Sendable {
    /// Everything worked.
    case success = 0
    /// The server answered with an error (or a batch had rejected lines).
    case apiError = 1
    /// The command line, a flag value, an input file or the configuration is wrong.
    case usageError = 2
    /// The server could not be reached, or did not answer in time.
    case connectionError = 3

    /// The `ExitCode` to throw from `run()`.
    var exitCode: ExitCode { ExitCode(rawValue) }
}
