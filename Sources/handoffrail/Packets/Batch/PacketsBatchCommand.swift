import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail packets batch --file packets.jsonl`: creates one packet per line, streaming
/// the file through the batch endpoint 50 lines at a time.
///
/// Lines that are not valid packets, or that the server refuses, are written unchanged to
/// the reject file (and named on stderr); everything else is created. Each batch carries an
/// `Idempotency-Key` derived from its lines, so running the same file again (after a crash,
/// a lost connection, a rate limit) creates nothing twice. Exit code 1 when any line was
/// rejected.
struct PacketsBatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Create packets from a JSON Lines file, 50 per request, safe to re-run.",
        discussion: """
            Each line is one packet document (as for packets create --file). Rejected lines are \
            written as they were to the reject file (default: the input's name with .rejects.jsonl), \
            so they can be fixed and sent again with --file. Re-running the same file creates no \
            duplicates for 24 hours: each batch's Idempotency-Key is a hash of its lines. A progress \
            bar is drawn on stderr when it is a terminal. Exit code 1 when any line was rejected.
            """)

    @Option(name: .shortAndLong, help: ArgumentHelp("The JSON Lines file; - reads stdin.", valueName: "path"))
    var file: String

    @Option(help: ArgumentHelp("Where rejected lines go (default: <file>.rejects.jsonl, or rejects.jsonl for stdin).", valueName: "path"))
    var rejectFile: String?

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let output = context.output
            var reader = try JSONLinesReader(path: file)
            var rejects = try RejectFile(path: rejectFile ?? RejectFile.defaultPath(forInput: file))
            defer { rejects.close() }
            let showsProgress = output.terminal.stderrIsTerminal && !output.quiet
            var report = BatchReport(rejectFile: rejects.path, verbose: output.verbose, quiet: output.quiet, clearsProgressLine: showsProgress)
            var uploader = BatchUploader(client: context.client)
            var progress = ProgressBar(enabled: showsProgress, style: output.errorStyle)
            var pending: [BatchUploader.Item] = []
            let reject = { (line: JSONLinesReader.Line, reason: String) in
                rejects.append(line.bytes)
                report.rejected(line: line.number, reason: reason)
            }
            func draw(force: Bool = false) {
                let fraction = reader.totalBytes.map { $0 > 0 ? Double(reader.bytesRead) / Double($0) : 1 }
                progress.update(fraction: fraction, lines: report.lines, created: uploader.createdIDs.count, rejected: report.rejectedCount, force: force)
            }
            do {
                while let line = try reader.next() {
                    report.lines += 1
                    switch BatchLine.parse(line.bytes) {
                    case .success(let packet): pending.append(.init(line: line, packet: packet))
                    case .failure(let rejection): reject(line, rejection.reason)
                    }
                    if pending.count == BatchUploader.batchSize {
                        try await uploader.send(pending, reject: reject)
                        pending.removeAll(keepingCapacity: true)
                    }
                    draw()
                }
                try await uploader.send(pending, reject: reject)
                draw(force: true)
                progress.finish()
            } catch {
                progress.finish()
                output.note("stopped after \(report.lines) lines; running the same command again resumes without duplicates")
                throw error
            }
            report.finish(created: uploader.createdIDs, requests: uploader.requests, output: output)
            if report.rejectedCount > 0 { throw ExitStatus.apiError.exitCode }
        }
    }
}
