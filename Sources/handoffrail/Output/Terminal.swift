#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What the process writes to: whether stdout/stderr are terminals, whether colour is
/// wanted, how wide the terminal is.
///
/// Colour follows <https://no-color.org>: never with `NO_COLOR` set (to anything), never
/// when the stream is not a terminal (pipes, files, CI logs), never with `TERM=dumb`.
///
/// ```swift
/// let terminal = Terminal.current
/// if terminal.stderrIsTerminal { progress.draw() }
/// ```
struct Terminal: Sendable {
    /// Whether standard output is a terminal.
    var stdoutIsTerminal: Bool
    /// Whether standard error is a terminal.
    var stderrIsTerminal: Bool
    /// Whether the environment forbids colour (`NO_COLOR` set, or `TERM=dumb`).
    var colourForbidden: Bool
    /// Columns of the terminal on stdout; `nil` when stdout is not a terminal.
    var width: Int?

    /// The process's own streams and environment.
    static var current: Terminal {
        let environment = ProcessInfo.processInfo.environment
        let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
        return Terminal(
            stdoutIsTerminal: stdoutIsTerminal,
            stderrIsTerminal: isatty(STDERR_FILENO) == 1,
            colourForbidden: environment["NO_COLOR"] != nil || environment["TERM"] == "dumb",
            width: stdoutIsTerminal ? columns(environment: environment) : nil)
    }

    /// Whether to colour what goes to stdout.
    var colourOnStdout: Bool { stdoutIsTerminal && !colourForbidden }
    /// Whether to colour what goes to stderr.
    var colourOnStderr: Bool { stderrIsTerminal && !colourForbidden }

    /// The terminal's width: `COLUMNS` when set, else the window size, else 80.
    private static func columns(environment: [String: String]) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        #if canImport(Glibc)
        let request = UInt(TIOCGWINSZ)
        #else
        let request = TIOCGWINSZ
        #endif
        if ioctl(STDOUT_FILENO, request, &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
