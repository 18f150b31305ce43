import Foundation
import Testing
@testable import HandoffRailModels

/// Runs the official JSON Schema Test Suite (json-schema-org/JSON-Schema-Test-Suite, MIT) against
/// `JSONSchemaValidator`: every non-optional file of `tests/draft2020-12` and `tests/draft7`, plus the
/// optional format files of the implemented formats (format assertion on) and the optional files the
/// engine fully supports (see `SchemaSuiteLocator`). Each file is one test case;
/// every data test is checked through both `isValid` and `validate`, which must agree.
///
/// The suite is found through `HANDOFFRAIL_JSON_SCHEMA_SUITE`, else as `shared/data/json-schema-test-suite`
/// in the nearest ancestor directory of this file that has one (`<package root>/../shared/...` in the
/// main package). If it cannot be found, the test fails with a message saying where it was expected.
@Suite("JSON Schema Test Suite")
struct JSONSchemaSuiteTests {
    @Test("suite file", arguments: SchemaSuiteLocator.files)
    func suiteFile(_ file: SchemaSuiteFile) async throws {
        guard let suite = SchemaSuiteLocator.suiteDirectory else {
            Issue.record(Comment(rawValue: SchemaSuiteLocator.missingMessage))
            return
        }
        let url = suite.appendingPathComponent("tests/\(file.draft)/\(file.relativePath)")
        let cases = try #require(try JSONValue(parsing: Data(contentsOf: url)).arrayValue, "\(file) is not an array")
        let remotes = SchemaSuiteLocator.remotes
        var passed = 0
        var failed = 0
        var skipped = 0
        if let skip = SchemaSuiteSkips.fileEntry(file: file, remotesLoaded: remotes.fromSuite) {
            skipped = cases.reduce(0) { $0 + ($1["tests"]?.arrayValue?.count ?? 0) }
            print("  skipped \(file.testDescription) (whole file): \(skip.reason)")
            print("\(file.testDescription): 0 passed, 0 failed, \(skipped) skipped")
            if let total = await SchemaSuiteTally.shared.record(file: file, passed: 0, failed: 0, skipped: skipped) { print(total) }
            return
        }
        for testCase in cases {
            let caseDescription = testCase["description"]?.stringValue ?? "?"
            let schema = try #require(testCase["schema"])
            let tests = testCase["tests"]?.arrayValue ?? []
            if let skip = SchemaSuiteSkips.entry(file: file, caseDescription: caseDescription, testDescription: nil, remotesLoaded: remotes.fromSuite) {
                skipped += tests.count
                print("  skipped \(file.testDescription) / \(caseDescription): \(skip.reason)")
                continue
            }
            let validator: JSONSchemaValidator
            do {
                validator = try JSONSchemaValidator(schema: schema, defaultDraft: file.defaultDraft, assertFormats: file.assertFormats,
                                                    registry: remotes.documents)
            } catch {
                failed += tests.count
                Issue.record("\(file.testDescription) / \(caseDescription): schema did not compile: \(error)")
                continue
            }
            for test in tests {
                let testDescription = test["description"]?.stringValue ?? "?"
                if let skip = SchemaSuiteSkips.entry(file: file, caseDescription: caseDescription, testDescription: testDescription,
                                               remotesLoaded: remotes.fromSuite) {
                    skipped += 1
                    print("  skipped \(file.testDescription) / \(caseDescription) / \(testDescription): \(skip.reason)")
                    continue
                }
                let data = test["data"] ?? .null
                let expected = test["valid"] == .bool(true)
                let quick = validator.isValid(data)
                let issues = validator.validate(data)
                if quick == expected && issues.isEmpty == expected {
                    passed += 1
                } else {
                    failed += 1
                    Issue.record("""
                        \(file.testDescription) / \(caseDescription) / \(testDescription): expected \(expected ? "valid" : "invalid"), \
                        isValid=\(quick), issues=\(issues.map { "\($0.type) \($0.loc) \($0.msg)" })
                        schema: \(schema.serializedString(sortedKeys: true))
                        data: \(data.serializedString(sortedKeys: true))
                        """)
                }
                if !issues.isEmpty && expected == false {
                    #expect(issues.allSatisfy { !$0.type.isEmpty && !$0.msg.isEmpty })
                }
            }
        }
        print("\(file.testDescription): \(passed) passed, \(failed) failed, \(skipped) skipped")
        if let total = await SchemaSuiteTally.shared.record(file: file, passed: passed, failed: failed, skipped: skipped) {
            print(total)
        }
    }
}

/// One suite file to run.
struct SchemaSuiteFile: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    let draft: String
    let relativePath: String
    let assertFormats: Bool

    var testDescription: String { "\(draft)/\(relativePath)" }
    var description: String { testDescription }
    var defaultDraft: JSONSchemaDraft { draft == "draft7" ? .draft7 : .draft2020_12 }
}

/// Finds the suite and lists its files.
enum SchemaSuiteLocator {
    static let drafts = ["draft2020-12", "draft7"]
    /// Optional format files run with format assertion on: the five the server relies on
    /// (uuid, date-time, date, uri, email) plus the other formats the engine implements.
    static let optionalFormats = ["uuid", "date-time", "date", "uri", "email", "time", "uri-reference", "ipv4", "ipv6", "regex"]
    /// Optional non-format files the engine also passes completely, run as regression guards.
    static let optionalFiles = ["anchor", "bignum", "dependencies-compatibility", "dynamicRef", "ecmascript-regex", "float-overflow",
                                "id", "no-schema", "non-bmp-regex", "refOfUnknownKeyword", "unknownKeyword"]

    static let suiteDirectory: URL? = {
        let fileManager = FileManager.default
        if let override = ProcessInfo.processInfo.environment["HANDOFFRAIL_JSON_SCHEMA_SUITE"], !override.isEmpty {
            return fileManager.fileExists(atPath: override + "/tests") ? URL(fileURLWithPath: override) : nil
        }
        // Walk up from this file: finds `<package root>/../shared/...` (and works before Package.swift exists).
        var ancestor = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while true {
            let candidate = ancestor.appendingPathComponent("shared/data/json-schema-test-suite")
            if fileManager.fileExists(atPath: candidate.appendingPathComponent("tests").path) { return candidate }
            if ancestor.path == "/" { return nil }
            ancestor = ancestor.deletingLastPathComponent()
        }
    }()

    static var missingMessage: String {
        if let override = ProcessInfo.processInfo.environment["HANDOFFRAIL_JSON_SCHEMA_SUITE"], !override.isEmpty {
            return "JSON Schema Test Suite not found: HANDOFFRAIL_JSON_SCHEMA_SUITE=\(override) has no tests/ directory."
        }
        return """
            JSON Schema Test Suite not found. Expected <package root>/../shared/data/json-schema-test-suite \
            (or in an ancestor directory), or set HANDOFFRAIL_JSON_SCHEMA_SUITE to the suite directory (the one containing tests/).
            """
    }

    static let files: [SchemaSuiteFile] = {
        guard let suite = suiteDirectory else {
            return [SchemaSuiteFile(draft: "MISSING", relativePath: "suite-not-found", assertFormats: false)]
        }
        var files: [SchemaSuiteFile] = []
        for draft in drafts {
            let directory = suite.appendingPathComponent("tests/\(draft)")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".json") {
                files.append(SchemaSuiteFile(draft: draft, relativePath: name, assertFormats: false))
            }
            for name in optionalFiles {
                let path = "optional/\(name).json"
                if FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path) {
                    files.append(SchemaSuiteFile(draft: draft, relativePath: path, assertFormats: false))
                }
            }
            for format in optionalFormats {
                let path = "optional/format/\(format).json"
                if FileManager.default.fileExists(atPath: directory.appendingPathComponent(path).path) {
                    files.append(SchemaSuiteFile(draft: draft, relativePath: path, assertFormats: true))
                }
            }
        }
        return files
    }()

    /// The documents served at `http://localhost:1234/` by the suite's `remotes/` directory.
    static let remotes: (documents: [String: JSONValue], fromSuite: Bool) = {
        guard let suite = suiteDirectory else { return ([:], false) }
        let directory = suite.appendingPathComponent("remotes")
        guard FileManager.default.fileExists(atPath: directory.path),
              let enumerator = FileManager.default.enumerator(atPath: directory.path) else {
            return (SchemaSuiteRemoteFallbacks.documents, false)
        }
        var documents: [String: JSONValue] = [:]
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".json"),
                  let data = FileManager.default.contents(atPath: directory.appendingPathComponent(relative).path),
                  let document = try? JSONValue(parsing: data) else { continue }
            documents["http://localhost:1234/" + relative] = document
        }
        return (documents, true)
    }()
}

/// Aggregates per-file counts and produces the total line once every file has reported.
actor SchemaSuiteTally {
    static let shared = SchemaSuiteTally()
    private var reported = 0
    private var totals: [String: (passed: Int, failed: Int, skipped: Int)] = [:]

    func record(file: SchemaSuiteFile, passed: Int, failed: Int, skipped: Int) -> String? {
        reported += 1
        var entry = totals[file.draft] ?? (0, 0, 0)
        entry.passed += passed
        entry.failed += failed
        entry.skipped += skipped
        totals[file.draft] = entry
        guard reported == SchemaSuiteLocator.files.count else { return nil }
        let lines = totals.keys.sorted().map { draft in
            let t = totals[draft]!
            return "  \(draft): \(t.passed) passed, \(t.failed) failed, \(t.skipped) skipped"
        }
        let all = totals.values.reduce((0, 0, 0)) { ($0.0 + $1.passed, $0.1 + $1.failed, $0.2 + $1.skipped) }
        return "JSON Schema Test Suite total: \(all.0) passed, \(all.1) failed, \(all.2) skipped\n" + lines.joined(separator: "\n")
    }
}
