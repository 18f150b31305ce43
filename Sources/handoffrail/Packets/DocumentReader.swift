import Foundation
import HandoffRailModels

/// Reads a JSON or YAML document from a file, or from stdin for `-`.
///
/// The format follows the extension (`.json`, `.yaml`/`.yml`); otherwise (stdin, other
/// names) a document starting with `{` or `[` is JSON and anything else YAML. Problems are
/// usage errors naming the file, with the parser's position.
///
/// ```swift
/// let json = try DocumentReader.read("packet.yaml")
/// ```
enum DocumentReader {
    /// The document at `path` (`-` = stdin) as a JSON tree.
    static func read(_ path: String) throws(CLIFailure) -> JSONValue {
        let data = try bytes(path)
        let name = path == "-" ? "stdin" : path
        let isYAML: Bool
        switch (path as NSString).pathExtension.lowercased() {
        case "json": isYAML = false
        case "yaml", "yml": isYAML = true
        default:
            let first = data.first { !Set<UInt8>([0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF]).contains($0) }
            isYAML = first != UInt8(ascii: "{") && first != UInt8(ascii: "[")
        }
        if isYAML { return try YAMLDocument.parse(data, name: name) }
        do {
            return try JSONValue(parsing: data)
        } catch {
            throw .usage("\(name): invalid JSON: \(error)")
        }
    }

    /// The raw bytes of `path` (`-` = stdin).
    static func bytes(_ path: String) throws(CLIFailure) -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .usage("cannot read \(path)")
        }
        return data
    }

    /// The document as an object, or a usage error saying what it was instead.
    static func readObject(_ path: String) throws(CLIFailure) -> [String: JSONValue] {
        let json = try read(path)
        guard case .object(let members) = json else {
            throw .usage("\(path == "-" ? "stdin" : path): expected a JSON/YAML object")
        }
        return members
    }
}
