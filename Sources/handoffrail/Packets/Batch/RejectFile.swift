import Foundation

/// The file rejected lines go to, byte for byte as they were read, one per line, so it can
/// be fixed and fed back: `handoffrail packets batch --file packets.rejects.jsonl`.
///
/// It is (re)created when the run starts, so after a run it holds exactly that run's rejects
/// (empty when nothing was rejected).
struct RejectFile {
    /// Where the file is.
    let path: String
    private let handle: FileHandle
    /// Lines written so far.
    private(set) var count = 0

    /// The default path for `input`: `packets.jsonl` → `packets.rejects.jsonl`; stdin → `rejects.jsonl`.
    static func defaultPath(forInput input: String) -> String {
        guard input != "-" else { return "rejects.jsonl" }
        let base = (input as NSString).deletingPathExtension
        return base + ".rejects.jsonl"
    }

    /// Creates (or empties) the file at `path`.
    init(path: String) throws(CLIFailure) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path)
        else { throw .usage("cannot write the reject file \(path)") }
        self.path = path
        self.handle = handle
    }

    /// Appends one rejected line.
    mutating func append(_ bytes: [UInt8]) {
        handle.write(Data(bytes + [0x0A]))
        count += 1
    }

    /// Closes the file.
    func close() {
        try? handle.close()
    }
}
