import HandoffRailModels

/// One tool call as a framework delivers it, reduced to what the dispatcher needs: the
/// framework's call id, the tool name and the arguments as a JSON object.
///
/// Parse it with the framework's static parser (``openAIResponses(_:)``, ``openAIChat(_:)``,
/// ``langChain(_:)``, ``googleADK(_:)``, ``mcp(_:)``, ``vercelAI(_:)``), run it with
/// ``ToolDispatcher/call(_:)``, and answer the framework with
/// ``result(_:)`` or ``errorResult(_:)``, which produce the framework's own tool-result item.
///
/// ```swift
/// let call = try ToolCall.openAIResponses(item)          // {"type":"function_call", …}
/// let output: JSONValue
/// do { output = call.result(try await dispatcher.call(call)) }
/// catch { output = call.errorResult(error) }             // {"type":"function_call_output", …}
/// ```
public struct ToolCall: Sendable, Hashable {
    /// The framework a call came from; decides the shape of the result item.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// OpenAI Responses API / OpenAI Agents SDK `function_call` item.
        case openAIResponses
        /// OpenAI Chat Completions `tool_calls[i]` (also webagents).
        case openAIChat
        /// LangChain `AIMessage.tool_calls` entry.
        case langChain
        /// Google ADK (Gemini) `functionCall` part.
        case googleADK
        /// MCP `tools/call` request params.
        case mcp
        /// Vercel AI SDK v4 `CoreMessage` `tool-call` part (`args`).
        case vercelAIV4
        /// Vercel AI SDK v5+ `ModelMessage` `tool-call` part (`input`).
        case vercelAIV5
    }

    /// The framework's call id (`call_id`, `id`, …), which the result item must echo;
    /// `nil` when the framework has none (MCP params).
    public var id: String?
    /// The tool name.
    public var name: String
    /// The arguments, a JSON object.
    public var arguments: JSONValue
    /// Where the call came from.
    public var format: Format

    /// A call.
    public init(id: String?, name: String, arguments: JSONValue, format: Format) {
        self.id = id
        self.name = name
        self.arguments = arguments
        self.format = format
    }

    /// The `Idempotency-Key` a creating call uses, so a framework that re-delivers the same
    /// call does not create twice: a fingerprint of the arguments, the agent id, the tool and
    /// the call id. The fingerprint keeps two *different* calls apart even when a provider
    /// reuses call ids (some OpenAI-compatible servers number them `call_0`, `call_1`, … in
    /// every conversation). `nil` without a call id, or for MCP, whose ids are only unique
    /// within one session.
    ///
    /// `tool-call:3f9a0c2b7d41e855:triage-1:handoffrail_create_packet:call_7Qx`
    public func idempotencyKey(for identity: AgentIdentity) -> String? {
        guard let id, !id.isEmpty, format != .mcp else { return nil }
        let fingerprint = Self.fingerprint(arguments.serializedString(sortedKeys: true))
        return String("tool-call:\(fingerprint):\(identity.id):\(name):\(id)".prefix(255))
    }

    /// FNV-1a (64 bit) of `text` as 16 hex digits: not cryptographic, only a discriminator.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Why a framework's tool-call item could not be read.
public struct ToolCallParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The format that was expected.
    public var format: ToolCall.Format
    /// What is wrong with the item.
    public var reason: String

    /// An error.
    public init(format: ToolCall.Format, reason: String) {
        self.format = format
        self.reason = reason
    }

    public var description: String { "not a \(format.rawValue) tool call: \(reason)" }
}

extension ToolCall {
    /// The required string member `key` of `item`.
    static func string(_ key: String, in item: JSONValue, format: Format) throws(ToolCallParseError) -> String {
        guard case .string(let value)? = item[key] else {
            throw ToolCallParseError(format: format, reason: item[key] == nil ? "no '\(key)'" : "'\(key)' is not a string")
        }
        return value
    }

    /// Arguments sent as a JSON string (OpenAI): parsed to an object; an empty string is `{}`.
    /// Unparseable text is kept as a string, so the dispatcher reports it to the model.
    static func arguments(fromJSONText text: String) -> JSONValue {
        if text.allSatisfy(\.isWhitespace) { return .object([:]) }
        return (try? JSONValue(parsing: text)) ?? .string(text)
    }
}
