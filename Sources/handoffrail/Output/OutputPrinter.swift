import Foundation
import HandoffRailModels

/// Writes command results: JSON for `--format json`, tables otherwise, only identifiers with
/// `--quiet`; messages for people go to stderr so stdout stays parseable.
///
/// ```swift
/// try output.emit(packet, ids: [packet.id]) { PacketRendering.detail(packet) }
/// ```
struct OutputPrinter: Sendable {
    var format: OutputFormat
    var quiet: Bool
    var verbose: Bool
    var terminal: Terminal

    /// Styling for stdout (plain unless stdout is a terminal and colour is allowed).
    var style: TextStyle { TextStyle(enabled: terminal.colourOnStdout && format == .table) }
    /// Styling for stderr.
    var errorStyle: TextStyle { TextStyle(enabled: terminal.colourOnStderr) }

    /// Prints `value` as JSON, its `ids` one per line with `--quiet`, else the table `render` gives.
    func emit<Value: Encodable>(_ value: Value, ids: [UUID], render: () -> String) throws {
        try emit(value, idTexts: ids.map(\.lowercasedString), render: render)
    }

    /// As ``emit(_:ids:render:)`` for string identifiers (tenant ids).
    func emit<Value: Encodable>(_ value: Value, idTexts: [String], render: () -> String) throws {
        if quiet {
            for id in idTexts { write(id) }
            return
        }
        switch format {
        case .json: try writeJSON(value)
        case .table: write(render())
        }
    }

    /// Prints the wire JSON of `value`, indented.
    func writeJSON<Value: Encodable>(_ value: Value) throws {
        write(PrettyJSON.render(try JSONValueEncoder().encode(value)))
    }

    /// A table, cut to the terminal's width when stdout is one.
    func render(_ table: Table) -> String {
        table.render(style: style, maxWidth: terminal.width)
    }

    /// One line (or block) to stdout, flushed at once (events are followed live).
    func write(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// A message for people on stderr; nothing with `--quiet`.
    func note(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Reports `failure` on stderr: one line, then with `--verbose` the server's answer.
    func report(_ failure: CLIFailure) {
        var text = errorStyle.apply(.red, to: "error:") + " " + failure.message + "\n"
        if verbose, let detail = failure.verboseDetail { text += detail + "\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension UUID {
    /// The wire form: lowercase.
    var lowercasedString: String { uuidString.lowercased() }
}
