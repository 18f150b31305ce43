import Foundation
import HandoffRailAgents
import HandoffRailModels
import Testing

/// What the Python libraries are given: every sample conversation resumed as LangChain
/// messages and as Google ADK events, with and without re-emitting source items.
///
/// With `HANDOFFRAIL_AGENTS_EXPORT=<dir>` the documents are also written to `<dir>/langchain/`
/// and `<dir>/google-adk/`, one file per sample, for the Python cross-checks
/// (`messages_from_dict`, `Event.model_validate`); see notes/round4/agents-codecs.md.
@Suite("Interop corpus for the Python cross-checks")
struct InteropCorpusTests {
    static let langChainTypes: Set<String> = ["human", "ai", "system", "tool", "function", "chat"]

    /// Every sample's turns, CrewOutput included.
    static func samples() throws -> [(name: String, entries: [ContextEntry])] {
        let crew = try CrewAICodec().extract(try AgentSamples.crewAI("crew_output"))
        return try AgentSamples.conversations().map { ($0.name, try $0.codec.extract($0.native)) } + [("crewai crew_output", crew)]
    }

    /// Resumes every sample both ways with `codec`, checks each item, exports when asked.
    static func corpus(_ codec: some ConversationCodec, check: (JSONValue, String) throws -> Void) throws {
        let export = ProcessInfo.processInfo.environment["HANDOFFRAIL_AGENTS_EXPORT"].map {
            URL(fileURLWithPath: $0).appendingPathComponent(codec.format.framework.rawValue)
        }
        if let export { try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true) }
        for (name, entries) in try samples() {
            for reuse in [true, false] {
                let resumed = try codec.resume(entries, options: ResumeOptions(reuseSourceItems: reuse, agentName: "next_agent"))
                let items = try #require(resumed.arrayValue)
                #expect(items.count == entries.count, "\(name)")
                for item in items { try check(item, name) }
                if let export {
                    let file = name.replacingOccurrences(of: " ", with: "_") + (reuse ? "" : "_rebuilt") + ".json"
                    try resumed.serializedData(sortedKeys: true).write(to: export.appendingPathComponent(file))
                }
            }
        }
    }

    @Test("LangChain: only message types messages_from_dict knows, data.type equal, content strings")
    func langChain() throws {
        try Self.corpus(LangChainCodec()) { message, name in
            let type = try #require(message["type"]?.stringValue, "\(name)")
            #expect(Self.langChainTypes.contains(type), "\(name): \(type)")
            #expect(message["data"]?["type"]?.stringValue == type)
            #expect(message["data"]?["content"]?.stringValue != nil)
        }
    }

    @Test("Google ADK: every event has an author and user/model content")
    func googleADK() throws {
        try Self.corpus(GoogleADKCodec()) { event, name in
            #expect(event["author"]?.stringValue?.isEmpty == false, "\(name)")
            let role = event["content"]?["role"]?.stringValue
            #expect(role == "user" || role == "model", "\(name)")
        }
    }
}
