import Foundation
import HandoffRailModels

/// Google ADK session events, as `Event.model_dump(by_alias=True)` writes them.
///
/// Each event becomes one turn: text parts are its text, `functionCall` and
/// `functionResponse` parts become tool lines, `thought` parts reasoning, and
/// `actions.transferToAgent` a `[transfer to agent]` line. The role comes from `author`
/// (`"user"` is the user, any other author an agent, whatever the content role says: ADK
/// files function responses under role `user`). Rebuilt events carry `content`, `author`
/// (for agent turns the turn's own author, else `ResumeOptions.agentName`; `"user"` for the
/// other roles) and `timestamp`; ADK fills in ids.
///
/// ```swift
/// let events = try GoogleADKCodec().resume(packet)   // authored by the packet's source agent
/// ```
public struct GoogleADKCodec: ConversationCodec {
    public let format = ConversationFormat.googleADK
    public let capabilities = ConversationCodecCapabilities(
        losslessSameFormat: true, crossFormatIsTextOnly: true,
        lostAcrossFormats: ConversationCodecCapabilities.textLevelLosses + ["system turns become user content (ADK events have no system role)"],
        resumeShape: "array of ADK Event objects")

    /// The author written for agent turns when `ResumeOptions.agentName` is not set.
    public static let defaultAgentAuthor = "handoffrail_agent"

    /// A codec.
    public init() {}

    public func extract(_ native: JSONValue) throws(ConversationCodecError) -> [ContextEntry] {
        try extractEachItem(of: native, expected: "an array of ADK events") { event, location throws(ConversationCodecError) in
            try entry(from: event, at: location)
        }
    }

    public func resume(_ entries: [ContextEntry], options: ResumeOptions) throws(ConversationCodecError) -> JSONValue {
        try resumeEachTurn(entries, options: options) { entry, index throws(ConversationCodecError) in
            let role = try nativeRole(of: entry, at: index)
            var event: [String: JSONValue] = [
                "content": ["parts": [["text": .string(entry.content)]], "role": .string(role)],
                "author": .string(role == "model" ? Self.author(of: entry, options: options) : "user"),
            ]
            if let timestamp = entry.timestamp { event["timestamp"] = .number(timestamp.timeIntervalSince1970) }
            return .object(event)
        }
    }

    private func entry(from event: JSONValue, at location: String) throws(ConversationCodecError) -> ContextEntry {
        let author = try NativeReader.string(event["author"], at: "\(location).author", expected: "the event author")
        let table = ConversationRoleTable.mapping(for: .googleADK)
        let role = table.packetRole(forNative: author == "user" ? "user" : "model") ?? .agent
        var lines: [String] = []
        var calls: [NeutralToolCall] = []
        var extra: [String: JSONValue] = [TurnMetadata.author: .string(author)]
        var kind = "message"
        let parts = event["content"]?["parts"]?.arrayValue ?? []
        for part in parts {
            if let call = part["functionCall"] {
                let neutral = NeutralToolCall(id: call["id"]?.stringValue, name: call["name"]?.stringValue ?? "", arguments: call["args"] ?? [:])
                calls.append(neutral)
                lines.append(TurnText.toolCalls([neutral]))
            } else if let response = part["functionResponse"] {
                kind = "tool_result"
                let name = response["name"]?.stringValue
                if let name { extra[TurnMetadata.toolName] = .string(name) }
                if let id = response["id"]?.stringValue { extra[TurnMetadata.toolCallID] = .string(id) }
                lines.append(TurnText.toolResult(name: name, output: response["response"] ?? .null))
            } else if let text = part["text"]?.stringValue {
                if part["thought"] == true {
                    kind = "reasoning"
                    lines.append(TurnText.reasoning(text))
                } else {
                    lines.append(text)
                }
            }
        }
        if !calls.isEmpty {
            kind = "tool_call"
            extra[TurnMetadata.toolCalls] = .array(calls.map(\.jsonValue))
        }
        if let target = event["actions"]?["transferToAgent"]?.stringValue { lines.append("[transfer to agent] \(target)") }
        let timestamp = Self.date(event["timestamp"])
        let source = SourceTag(format: format, raw: event)
        return ContextEntry(
            role: role, content: TurnText.joined(lines), timestamp: timestamp,
            metadata: TurnText.metadata(kind: kind, source: source, extra: extra))
    }

    /// Who an agent turn is from: the turn's own author (the agent that spoke, from any
    /// format), else the resuming packet's source agent, else ``defaultAgentAuthor``.
    private static func author(of entry: ContextEntry, options: ResumeOptions) -> String {
        entry.metadata?[TurnMetadata.author]?.stringValue ?? options.agentName ?? defaultAgentAuthor
    }

    /// ADK timestamps are seconds since 1970 as a float.
    private static func date(_ value: JSONValue?) -> Date? {
        switch value {
        case .number(let seconds)?: return Date(timeIntervalSince1970: seconds)
        case .integer(let seconds)?: return Date(timeIntervalSince1970: Double(seconds))
        default: return nil
        }
    }
}
