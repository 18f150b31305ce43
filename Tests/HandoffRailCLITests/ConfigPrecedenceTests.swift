import Foundation
import HandoffRailModels
import Testing

/// `config show`: flag > environment > configuration file > default, with each value's
/// source, the key masked.
@Suite("config show and precedence")
struct ConfigPrecedenceTests {
    static let fileKey = "hr_file_0123456789abcdef"
    static let environmentKey = "hr_envk_0123456789abcdef"
    static let flagKey = "hr_flag_0123456789abcdef"

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var withFile: Bool
        var environment: [String: String]
        var flags: [String]
        /// Expected (value, source) of server_url, api_key, format.
        var serverURL: (String, String)
        var apiKey: (JSONValue, String)
        var format: (String, String)
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "defaults", withFile: false, environment: [:], flags: [],
             serverURL: ("http://127.0.0.1:8080", "default"), apiKey: (.null, "default"), format: ("table", "default")),
        Case(name: "file over defaults", withFile: true, environment: [:], flags: [],
             serverURL: ("http://file.example:1111", "file"), apiKey: ("hr_file_********", "file"), format: ("json", "file")),
        Case(name: "environment over file", withFile: true,
             environment: ["HANDOFFRAIL_URL": "http://env.example:2222", "HANDOFFRAIL_API_KEY": environmentKey, "HANDOFFRAIL_FORMAT": "table"],
             flags: [], serverURL: ("http://env.example:2222", "environment"), apiKey: ("hr_envk_********", "environment"),
             format: ("table", "environment")),
        Case(name: "flags over environment", withFile: true,
             environment: ["HANDOFFRAIL_URL": "http://env.example:2222", "HANDOFFRAIL_API_KEY": environmentKey, "HANDOFFRAIL_FORMAT": "table"],
             flags: ["--server-url", "http://flag.example:3333", "--api-key", flagKey, "--format", "json"],
             serverURL: ("http://flag.example:3333", "flag"), apiKey: ("hr_flag_********", "flag"), format: ("json", "flag")),
        Case(name: "environment over file, file over default, setting by setting", withFile: true,
             environment: ["HANDOFFRAIL_API_KEY": environmentKey], flags: [],
             serverURL: ("http://file.example:1111", "file"), apiKey: ("hr_envk_********", "environment"), format: ("json", "file")),
    ]

    @Test("each setting reports its value and its source", arguments: cases)
    func precedence(_ testCase: Case) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let configPath = directory.path("handoffrail.toml")
        if testCase.withFile {
            try Data("""
                # written by ConfigPrecedenceTests
                server_url = "http://file.example:1111"
                api_key = "\(Self.fileKey)"
                format = "json"
                """.utf8).write(to: URL(fileURLWithPath: configPath))
        }
        var environment = testCase.environment
        environment["HANDOFFRAIL_CONFIG"] = configPath
        // No --format flag here: the format's own precedence is under test, so the output is
        // whichever format won (JSON when the file says so), and both are read.
        let result = try await CLI.run(["config", "show"] + testCase.flags, environment: environment)
        #expect(result.status == 0, "\(result)")
        let shown = try ShownConfiguration(result)
        #expect(shown.settings["server_url"]?.value == .string(testCase.serverURL.0))
        #expect(shown.settings["server_url"]?.source == testCase.serverURL.1)
        #expect(shown.settings["api_key"]?.value == testCase.apiKey.0)
        #expect(shown.settings["api_key"]?.source == testCase.apiKey.1)
        #expect(shown.settings["format"]?.value == .string(testCase.format.0))
        #expect(shown.settings["format"]?.source == testCase.format.1)
        #expect(shown.configPath == configPath)
        for key in [Self.fileKey, Self.environmentKey, Self.flagKey] {
            #expect(!result.stdout.contains(key), "the key is masked")
        }
    }

    /// `config show`'s output, read from its JSON or from its table.
    struct ShownConfiguration {
        var settings: [String: (value: JSONValue, source: String)] = [:]
        var configPath: String?

        init(_ result: CLIResult) throws {
            if let json = result.json {
                for name in ["server_url", "api_key", "format"] {
                    let entry = try #require(json[name])
                    settings[name] = (entry["value"] ?? .null, entry["source"]?.stringValue ?? "")
                }
                configPath = json["config_file"]?["path"]?.stringValue
                return
            }
            let rows = result.stdout.split(separator: "\n").dropFirst().map { line in
                line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            for row in rows where row.count == 3 {
                if row[0] == "config_file" { configPath = row[1]; continue }
                let value: JSONValue = row[1] == "(none)" ? .null : .string(row[1])
                let sourceWord = String(row[2].split(separator: " ").first ?? "")
                settings[row[0]] = (value, sourceWord == "config" ? "file" : sourceWord)
            }
        }
    }

    @Test("a configuration file with an unknown key or bad TOML is a usage error naming the file")
    func badFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("bad.toml")
        for (text, fragment) in [("server-url = \"http://x\"", "unknown key \"server-url\""), ("server_url = ", path)] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let result = try await CLI.run(["config", "show"], environment: ["HANDOFFRAIL_CONFIG": path])
            #expect(result.status == 2, "\(result)")
            #expect(result.stderr.contains(fragment), "\(result)")
        }
    }
}
