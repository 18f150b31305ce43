import Foundation

/// Reads a JSON Lines file (or stdin) one line at a time, in 64 KiB chunks, so a file of
/// any size is streamed rather than loaded.
///
/// Lines keep their bytes exactly (minus the line break and a trailing `\r`), so rejected
/// lines can be written back unchanged; blank lines are skipped but still counted.
///
/// ```swift
/// var reader = try JSONLinesReader(path: "packets.jsonl")
/// while let line = try reader.next() { print(line.number, line.bytes.count) }
/// ```
struct JSONLinesReader {
    /// One line of input.
    struct Line: Sendable {
        /// 1-based line number in the input.
        var number: Int
        /// The line's bytes, without the line break.
        var bytes: [UInt8]
    }

    private let handle: FileHandle
    private let closesHandle: Bool
    /// Bytes read but not yet returned start at `lineStart`; consumed bytes are dropped only
    /// when more input is read, so each byte is moved at most once.
    private var buffer: [UInt8] = []
    private var lineStart = 0
    private var searchStart = 0
    private var endOfInput = false
    private var lineNumber = 0
    /// Bytes of the lines returned (or skipped) so far, for progress against ``totalBytes``.
    private(set) var bytesRead: Int64 = 0
    /// The input's size when known (a regular file), else `nil` (stdin, pipes).
    let totalBytes: Int64?

    /// A reader of `path`, `-` meaning stdin.
    init(path: String) throws(CLIFailure) {
        if path == "-" {
            handle = .standardInput
            closesHandle = false
            totalBytes = nil
            return
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .usage("cannot read \(path)") }
        self.handle = handle
        closesHandle = true
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        totalBytes = (attributes?[.size] as? NSNumber)?.int64Value
    }

    /// The next non-blank line, or `nil` at the end of the input.
    mutating func next() throws(CLIFailure) -> Line? {
        while true {
            if let newline = buffer[searchStart...].firstIndex(of: 0x0A) {
                let line = takeLine(upTo: newline, consuming: newline + 1)
                if let line { return line }
                continue
            }
            searchStart = buffer.count
            if endOfInput {
                guard lineStart < buffer.count else { return nil }
                return takeLine(upTo: buffer.count, consuming: buffer.count)
            }
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 64 * 1024)
            } catch {
                throw .usage("reading the input failed: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else {
                endOfInput = true
                if closesHandle { try? handle.close() }
                continue
            }
            buffer.removeSubrange(..<lineStart)
            searchStart -= lineStart
            lineStart = 0
            buffer.append(contentsOf: chunk)
        }
    }

    /// The line in `buffer[lineStart..<end]` (without a trailing `\r`), consuming up to
    /// `consumedEnd`; `nil` for a blank line.
    private mutating func takeLine(upTo end: Int, consuming consumedEnd: Int) -> Line? {
        var bytes = Array(buffer[lineStart..<end])
        bytesRead += Int64(consumedEnd - lineStart)
        lineStart = consumedEnd
        searchStart = consumedEnd
        lineNumber += 1
        if bytes.last == 0x0D { bytes.removeLast() }
        return Self.isBlank(bytes) ? nil : Line(number: lineNumber, bytes: bytes)
    }

    private static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
