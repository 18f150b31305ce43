import Foundation
import HandoffRailAgents
import HandoffRailModels
import Testing

/// Every sample: extracted, sent through the packet's wire JSON, and resumed in its own
/// format equal to the original after normalisation; resumed in every other format as text.
@Suite("Conversation codecs: round trips over the samples")
struct CodecRoundTripTests {
    static let codecs: [any ConversationCodec] = [
        LangChainCodec(), CrewAICodec(), OpenAIAgentsCodec(), VercelAICodec(version: .v4), VercelAICodec(version: .v5),
        GoogleADKCodec(), WebAgentsCodec(), A2ACodec(),
    ]

    /// The turns as another process would read them from a packet.
    static func overTheWire(_ entries: [ContextEntry]) throws -> [ContextEntry] {
        let context = PacketContext(summary: "s", conversationState: entries)
        return try HandoffRailJSON.decode(PacketContext.self, from: HandoffRailJSON.encode(context)).conversationState
    }

    @Test("same format: resume re-emits the original items exactly")
    func sameFormat() throws {
        for sample in try AgentSamples.conversations() {
            let entries = try Self.overTheWire(try sample.codec.extract(sample.native))
            #expect(entries.count == sample.native.arrayValue?.count, "\(sample.name)")
            let resumed = try sample.codec.resume(entries, options: ResumeOptions())
            #expect(resumed == sample.native, "\(sample.name)")
            #expect(resumed.normalized == sample.native.normalized, "\(sample.name)")
        }
    }

    @Test("every turn carries its source tag and a kind")
    func tags() throws {
        for sample in try AgentSamples.conversations() {
            let entries = try sample.codec.extract(sample.native)
            for (index, entry) in entries.enumerated() {
                let tag = try #require(entry.sourceTag, "\(sample.name) #\(index)")
                #expect(tag.format == sample.codec.format)
                #expect(tag.raw == sample.native[index])
                #expect(entry.metadata?[TurnMetadata.kind]?.stringValue != nil)
            }
        }
    }

    @Test("cross format: text messages in the role table's roles")
    func crossFormat() throws {
        for sample in try AgentSamples.conversations() {
            let entries = try sample.codec.extract(sample.native)
            for target in Self.codecs where target.format != sample.codec.format {
                let resumed = try target.resume(entries, options: ResumeOptions(agentName: "next_agent"))
                #expect(target.capabilities.crossFormatIsTextOnly)
                if target.format == .crewAI {
                    let conversation = try #require(resumed[CrewAICodec.InputName.conversation]?.stringValue)
                    #expect(conversation.split(separator: "\n").count >= entries.count, "\(sample.name) → crewai")
                    continue
                }
                let items = try #require(resumed.arrayValue, "\(sample.name) → \(target.format)")
                #expect(items.count == entries.count)
                for (item, entry) in zip(items, entries) {
                    #expect(Self.text(of: item, format: target.format) == entry.content, "\(sample.name) → \(target.format)")
                    let role = try ConversationRoleTable.mapping(for: target.format.framework).nativeRole(for: entry.role)
                    #expect(Self.role(of: item, format: target.format) == role, "\(sample.name) → \(target.format)")
                }
            }
        }
    }

    @Test("reuseSourceItems false rebuilds the same format from text")
    func rebuildSameFormat() throws {
        let codec = LangChainCodec()
        let entries = try codec.extract(try AgentSamples.langChain())
        let rebuilt = try codec.resume(entries, options: ResumeOptions(reuseSourceItems: false))
        #expect(rebuilt != (try AgentSamples.langChain()))
        #expect(rebuilt[2]?["data"]?["content"]?.stringValue == #"[tool call] lookup_account {"customer_id":"c-42"}"#)
        #expect(rebuilt[2]?["data"]?["tool_calls"] == [])
    }

    /// The role of one rebuilt native item.
    static func role(of item: JSONValue, format: ConversationFormat) -> String? {
        switch format.framework {
        case .langChain, .langGraph: return item["type"]?.stringValue
        case .googleADK: return item["content"]?["role"]?.stringValue
        default: return item["role"]?.stringValue
        }
    }

    /// The text of one rebuilt native item.
    static func text(of item: JSONValue, format: ConversationFormat) -> String? {
        switch format.framework {
        case .langChain, .langGraph: return item["data"]?["content"]?.stringValue
        case .googleADK: return item["content"]?["parts"]?[0]?["text"]?.stringValue
        case .a2a: return item["parts"]?[0]?["text"]?.stringValue
        default: return item["content"]?.stringValue
        }
    }
}
