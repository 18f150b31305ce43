import Foundation
import TOMLKit

/// The user's configuration file: `~/.handoffrail.toml`, or the file `HANDOFFRAIL_CONFIG`
/// names. Top-level keys only; a key the CLI does not know is an error, so a typo such as
/// `server-url` does not go unnoticed.
///
/// ```toml
/// server_url = "https://handoffrail.example.com"
/// api_key = "hr_…"
/// format = "json"
/// ```
struct ConfigFile: Sendable, Equatable {
    /// The keys the file may set.
    static let knownKeys = ["server_url", "api_key", "format"]

    /// Where the file is (whether or not it exists).
    var path: String
    /// Whether the file exists.
    var exists: Bool
    /// `server_url`, if set.
    var serverURL: String?
    /// `api_key`, if set.
    var apiKey: String?
    /// `format`, if set.
    var format: String?

    /// The file's path: `HANDOFFRAIL_CONFIG`, else `$HOME/.handoffrail.toml`.
    static func path(environment: [String: String]) -> String {
        if let path = environment["HANDOFFRAIL_CONFIG"], !path.isEmpty { return path }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".handoffrail.toml")
    }

    /// Reads the file at ``path(environment:)``; a missing file is an empty configuration,
    /// an unreadable or invalid one a usage error naming the file (and line, for syntax).
    static func load(environment: [String: String]) throws(CLIFailure) -> ConfigFile {
        let path = path(environment: environment)
        guard FileManager.default.fileExists(atPath: path) else {
            return ConfigFile(path: path, exists: false)
        }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .usage("cannot read the configuration file \(path)")
        }
        return try parse(text, path: path)
    }

    /// Parses the TOML `text` of the file at `path`.
    static func parse(_ text: String, path: String) throws(CLIFailure) -> ConfigFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .usage("\(path):\(error.source.begin.line):\(error.source.begin.column): \(error.description)")
        } catch {
            throw .usage("\(path): not a TOML document")
        }
        var file = ConfigFile(path: path, exists: true)
        for key in table.keys.sorted() {
            guard let value = table[key] else { continue }
            guard knownKeys.contains(key) else {
                throw .usage("\(path): unknown key \"\(key)\" (known: \(knownKeys.joined(separator: ", ")))")
            }
            guard let string = value.string else {
                throw .usage("\(path): \"\(key)\" must be a string")
            }
            switch key {
            case "server_url": file.serverURL = string
            case "api_key": file.apiKey = string
            default: file.format = string
            }
        }
        return file
    }
}
