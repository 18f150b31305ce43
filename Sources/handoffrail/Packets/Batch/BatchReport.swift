import Foundation
import HandoffRailModels

/// What a batch run did: lines read, rejections (the first ten named on stderr as they
/// happen, all of them with `--verbose`), and the summary at the end.
struct BatchReport {
    /// Rejections named on stderr without `--verbose`.
    static let namedRejections = 10

    let rejectFile: String
    let verbose: Bool
    let quiet: Bool
    /// Whether a progress bar may be on the current stderr line (it is cleared first).
    let clearsProgressLine: Bool
    /// Non-blank lines read.
    var lines = 0
    /// Lines rejected.
    private(set) var rejectedCount = 0

    init(rejectFile: String, verbose: Bool, quiet: Bool, clearsProgressLine: Bool) {
        self.rejectFile = rejectFile
        self.verbose = verbose
        self.quiet = quiet
        self.clearsProgressLine = clearsProgressLine
    }

    /// Counts a rejected line and names it on stderr (within the limit).
    mutating func rejected(line: Int, reason: String) {
        rejectedCount += 1
        guard !quiet, verbose || rejectedCount <= Self.namedRejections else { return }
        let clear = clearsProgressLine ? "\r\u{1B}[K" : ""
        FileHandle.standardError.write(Data("\(clear)line \(line): \(reason)\n".utf8))
    }

    /// Prints the summary: ids with `--quiet`, JSON with `--format json`, else a short table.
    func finish(created: [UUID], requests: Int, output: OutputPrinter) {
        if output.quiet {
            for id in created { output.write(id.lowercasedString) }
            return
        }
        if rejectedCount > Self.namedRejections && !verbose {
            output.note("… \(rejectedCount - Self.namedRejections) more rejected lines (--verbose names them all)")
        }
        switch output.format {
        case .json:
            let summary: JSONValue = [
                "lines": .integer(lines), "created": .integer(created.count), "rejected": .integer(rejectedCount),
                "requests": .integer(requests), "reject_file": .string(rejectFile),
                "packet_ids": .array(created.map { .string($0.lowercasedString) }),
            ]
            output.write(PrettyJSON.render(summary))
        case .table:
            var table = Table(columns: ["LINES", "CREATED", "REJECTED", "REQUESTS", "REJECT FILE"])
            table.append(cells: [
                Table.Cell(String(lines)), Table.Cell(String(created.count), .green),
                Table.Cell(String(rejectedCount), rejectedCount > 0 ? .red : nil), Table.Cell(String(requests)),
                Table.Cell(rejectFile),
            ])
            output.write(output.render(table))
        }
    }
}
