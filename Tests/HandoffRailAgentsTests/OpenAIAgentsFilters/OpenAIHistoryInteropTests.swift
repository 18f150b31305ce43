import Foundation
import HandoffRailAgents
import HandoffRailModels
import Testing

/// The cases tests/python/agents/check_openai_history.py runs through the real SDK.
///
/// With `HANDOFFRAIL_AGENTS_EXPORT=<dir>` every case (input, steps, our output, and for the
/// sample the SDK's recorded result) is written to `<dir>/openai-history/<name>.json`, member
/// order kept. Without it the suite still checks what it can alone. The corpus is the
/// hand-written cases (``OpenAIHistoryCorpus``) plus seeded random ones (``OpenAIHistoryRandomCorpus``).
@Suite("OpenAI history interop corpus for the Python cross-check")
struct OpenAIHistoryInteropTests {
    @Test("every case runs; summaries are well formed; the sample cases equal the SDK's recorded results")
    func corpus() throws {
        let export = ProcessInfo.processInfo.environment["HANDOFFRAIL_AGENTS_EXPORT"].map {
            URL(fileURLWithPath: $0).appendingPathComponent("openai-history")
        }
        if let export { try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true) }
        let cases = try OpenAIHistoryCorpus.cases() + OpenAIHistoryRandomCorpus.cases(count: Self.randomCount, seed: Self.randomSeed)
        #expect(Set(cases.map(\.name)).count == cases.count)
        for testCase in cases {
            let output = try testCase.output()
            if let reference = testCase.sdkReference { #expect(output == reference, "\(testCase.name)") }
            // Summaries we wrote (not ones passed through from the input) have at least one line between the markers.
            for message in output.inputHistoryItems where message["role"] == "assistant" && !testCase.input.inputHistoryItems.contains(message) {
                guard let text = message["content"]?.stringValue, text.hasPrefix(ConversationHistoryWrappers.preamble) else { continue }
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.count >= 4, "\(testCase.name)")
            }
            if let export {
                let file = export.appendingPathComponent(testCase.name + ".json")
                try Data(try testCase.exportJSON().compactJSONText.utf8).write(to: file)
            }
        }
    }

    /// The random corpus' seed; `HANDOFFRAIL_OPENAI_HISTORY_RANDOM_SEED=<n>` picks another one for a soak run.
    static var randomSeed: UInt64 {
        ProcessInfo.processInfo.environment["HANDOFFRAIL_OPENAI_HISTORY_RANDOM_SEED"].flatMap { UInt64($0) } ?? 20261122
    }

    /// 40 seeded random cases; `HANDOFFRAIL_OPENAI_HISTORY_RANDOM_CASES=<n>` asks for more (a soak run).
    static var randomCount: Int {
        ProcessInfo.processInfo.environment["HANDOFFRAIL_OPENAI_HISTORY_RANDOM_CASES"].flatMap { Int($0) } ?? 40
    }

    @Test("exported text parses back to the same ordered values")
    func exportRoundTrip() throws {
        for testCase in try OpenAIHistoryCorpus.cases() + OpenAIHistoryRandomCorpus.cases() {
            let json = try testCase.exportJSON()
            #expect(try OrderedJSON(parsing: json.compactJSONText) == json, "\(testCase.name)")
        }
    }
}
