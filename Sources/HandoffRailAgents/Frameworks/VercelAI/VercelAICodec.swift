import HandoffRailModels

/// Vercel AI SDK messages: v4 `CoreMessage` or v5+ `ModelMessage`.
///
/// The two versions share roles and text parts but differ in tool parts: v4 writes
/// `tool-call.args` and `tool-result.result`, v5+ `tool-call.input` and a typed
/// `tool-result.output` (`{"type": "text" | "json" | …, "value": …}`). Extraction reads both;
/// a codec re-emits only items of its own version, so a v4 transcript resumed with the v5
/// codec becomes text messages, valid in both.
///
/// ```swift
/// let turns = try VercelAICodec(version: .v4).extract(coreMessages)
/// let modelMessages = try VercelAICodec(version: .v5).resume(turns, options: ResumeOptions())
/// ```
public struct VercelAICodec: ConversationCodec {
    /// The AI SDK message revision.
    public enum Version: String, Sendable, Hashable, CaseIterable {
        /// ai@4 `CoreMessage`.
        case v4 = "4"
        /// ai@5 and later `ModelMessage`.
        case v5 = "5"
    }

    /// The revision this codec writes.
    public let version: Version
    public var format: ConversationFormat { version == .v4 ? .vercelAIv4 : .vercelAIv5 }
    public let capabilities = ConversationCodecCapabilities(
        losslessSameFormat: true, crossFormatIsTextOnly: true,
        lostAcrossFormats: ConversationCodecCapabilities.textLevelLosses + ["items of the other AI SDK version become text messages"],
        resumeShape: "array of CoreMessage (v4) / ModelMessage (v5+)")

    /// A codec for `version`.
    public init(version: Version) { self.version = version }

    public func extract(_ native: JSONValue) throws(ConversationCodecError) -> [ContextEntry] {
        try extractEachItem(of: native, expected: "an array of messages") { message, location throws(ConversationCodecError) in
            try entry(from: message, at: location)
        }
    }

    public func resume(_ entries: [ContextEntry], options: ResumeOptions) throws(ConversationCodecError) -> JSONValue {
        try resumeEachTurn(entries, options: options) { entry, index throws(ConversationCodecError) in
            ["role": .string(try nativeRole(of: entry, at: index)), "content": .string(entry.content)]
        }
    }

    private func entry(from message: JSONValue, at location: String) throws(ConversationCodecError) -> ContextEntry {
        let native = try NativeReader.string(message["role"], at: "\(location).role", expected: "a message role")
        guard let role = ConversationRoleTable.mapping(for: .vercelAI).packetRole(forNative: native) else {
            throw ConversationCodecError(.unsupportedItem, at: "\(location).role", expected: "system, user, assistant or tool")
        }
        let source = SourceTag(format: format, raw: message)
        guard let parts = message["content"]?.arrayValue else {
            let text = try NativeReader.string(message["content"], at: "\(location).content", expected: "a string or an array of parts")
            return ContextEntry(role: role, content: text, metadata: TurnText.metadata(kind: "message", source: source))
        }
        var lines: [String] = []
        var calls: [NeutralToolCall] = []
        var extra: [String: JSONValue] = [:]
        var kind = "message"
        for (index, part) in parts.enumerated() {
            let type = try NativeReader.string(part["type"], at: "\(location).content[\(index)].type", expected: "a part type")
            switch type {
            case "text": lines.append(part["text"]?.stringValue ?? "")
            case "reasoning": lines.append(TurnText.reasoning(part["text"]?.stringValue ?? ""))
            case "tool-call":
                let name = try NativeReader.string(part["toolName"], at: "\(location).content[\(index)].toolName", expected: "a tool name")
                let call = NeutralToolCall(id: part["toolCallId"]?.stringValue, name: name, arguments: part["input"] ?? part["args"] ?? [:])
                calls.append(call)
                lines.append(TurnText.toolCalls([call]))
            case "tool-result":
                kind = "tool_result"
                let name = part["toolName"]?.stringValue
                if let name { extra[TurnMetadata.toolName] = .string(name) }
                if let id = part["toolCallId"]?.stringValue { extra[TurnMetadata.toolCallID] = .string(id) }
                lines.append(TurnText.toolResult(name: name, output: Self.resultValue(of: part)))
            default: continue  // image, file, redacted-reasoning, tool approvals: no text
            }
        }
        if !calls.isEmpty {
            kind = "tool_call"
            extra[TurnMetadata.toolCalls] = .array(calls.map(\.jsonValue))
        }
        return ContextEntry(role: role, content: TurnText.joined(lines), metadata: TurnText.metadata(kind: kind, source: source, extra: extra))
    }

    /// v5+ `output: {type, value}` or v4 `result`.
    private static func resultValue(of part: JSONValue) -> JSONValue {
        if let output = part["output"] { return output["value"] ?? output }
        return part["result"] ?? .null
    }
}
