import HandoffRailModels

/// AI SDK 5+ `UIMessage`s (what `useChat` posts) as `ModelMessage`s, following the SDK's
/// `convertToModelMessages`, so that a Swift backend can take a chat straight from the UI.
///
/// Per message: `system` text parts joined into one string; `user` text and file parts;
/// `assistant` parts in blocks split at `step-start`, each block one assistant message
/// (text, reasoning, file, and a `tool-call` for every tool part whose input is complete)
/// followed by one `tool` message with the results of the block's finished tool parts
/// (`output-available` → `text`/`json` output, `output-error` → `error-text`), except
/// provider-executed ones. `data-*` parts are UI-only and dropped. Provider options/metadata
/// are not carried.
///
/// ```swift
/// let modelMessages = try VercelUIMessages.modelMessages(from: body["messages"]!)
/// let turns = try VercelAICodec(version: .v5).extract(modelMessages)
/// ```
public enum VercelUIMessages {
    /// The model messages for `uiMessages` (an array of UI messages).
    public static func modelMessages(from uiMessages: JSONValue) throws(ConversationCodecError) -> JSONValue {
        let messages = try NativeReader.array(uiMessages, at: "$", expected: "an array of UI messages")
        var result: [JSONValue] = []
        for (index, message) in messages.enumerated() {
            let location = "$[\(index)]"
            let role = try NativeReader.string(message["role"], at: "\(location).role", expected: "system, user or assistant")
            let parts = try NativeReader.array(message["parts"], at: "\(location).parts", expected: "an array of parts")
            switch role {
            case "system":
                let text = parts.filter { $0["type"] == "text" }.compactMap { $0["text"]?.stringValue }.joined()
                result.append(["role": "system", "content": .string(text)])
            case "user":
                result.append(["role": "user", "content": .array(parts.compactMap(contentPart))])
            case "assistant":
                var block: [JSONValue] = []
                for part in parts {
                    if part["type"] == "step-start" {
                        result += assistantMessages(for: block)
                        block = []
                    } else {
                        block.append(part)
                    }
                }
                result += assistantMessages(for: block)
            default:
                throw ConversationCodecError(.unsupportedItem, at: "\(location).role", expected: "system, user or assistant")
            }
        }
        return .array(result)
    }

    /// One step: the assistant message, then the tool message with the step's results.
    private static func assistantMessages(for block: [JSONValue]) -> [JSONValue] {
        guard !block.isEmpty else { return [] }
        var content: [JSONValue] = []
        var results: [JSONValue] = []
        for part in block {
            if let tool = ToolPart(part) {
                if let call = tool.call { content.append(call) }
                if let result = tool.result { results.append(result) }
            } else if let converted = contentPart(part) {
                content.append(converted)
            }
        }
        var messages: [JSONValue] = []
        if !content.isEmpty { messages.append(["role": "assistant", "content": .array(content)]) }
        if !results.isEmpty { messages.append(["role": "tool", "content": .array(results)]) }
        return messages
    }

    /// Text, reasoning and file parts as model content parts; `nil` for everything else.
    private static func contentPart(_ part: JSONValue) -> JSONValue? {
        switch part["type"]?.stringValue {
        case "text"?: return ["type": "text", "text": part["text"] ?? ""]
        case "reasoning"?: return ["type": "reasoning", "text": part["text"] ?? ""]
        case "file"?:
            var file: [String: JSONValue] = ["type": "file", "mediaType": part["mediaType"] ?? .null, "data": part["url"] ?? .null]
            if let name = part["filename"] { file["filename"] = name }
            return .object(file)
        default: return nil
        }
    }
}

/// A `tool-<name>` or `dynamic-tool` UI part.
private struct ToolPart {
    let part: JSONValue
    let name: String
    let state: String

    init?(_ part: JSONValue) {
        guard let type = part["type"]?.stringValue else { return nil }
        if type == "dynamic-tool", let name = part["toolName"]?.stringValue {
            self.name = name
        } else if type.hasPrefix("tool-"), type.count > 5 {
            self.name = String(type.dropFirst(5))
        } else {
            return nil
        }
        self.part = part
        self.state = part["state"]?.stringValue ?? ""
    }

    /// The tool call, once the input is complete.
    var call: JSONValue? {
        guard state != "input-streaming" else { return nil }
        var call: [String: JSONValue] = [
            "type": "tool-call", "toolCallId": part["toolCallId"] ?? .null, "toolName": .string(name),
            "input": (state == "output-error" ? part["input"] ?? part["rawInput"] : part["input"]) ?? .null,
        ]
        if let executed = part["providerExecuted"] { call["providerExecuted"] = executed }
        return .object(call)
    }

    /// The tool result, once the tool finished (not for provider-executed tools).
    var result: JSONValue? {
        guard part["providerExecuted"] != true else { return nil }
        let output: JSONValue
        switch state {
        case "output-available":
            let value = part["output"] ?? .null
            output = value.stringValue != nil ? ["type": "text", "value": value] : ["type": "json", "value": value]
        case "output-error":
            output = ["type": "error-text", "value": part["errorText"] ?? ""]
        default:
            return nil
        }
        return ["type": "tool-result", "toolCallId": part["toolCallId"] ?? .null, "toolName": .string(name), "output": output]
    }
}
