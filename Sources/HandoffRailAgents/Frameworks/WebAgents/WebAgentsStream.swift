import HandoffRailModels

/// Streamed chat-completions chunks, as a webagents remote handoff returns them.
///
/// A remote handoff answers with `text/event-stream`: `data: {chat.completion.chunk}` frames
/// and a final `data: [DONE]`. ``chunks(fromEventStream:)`` reads the `data:` payloads;
/// ``message(from:)`` folds chunk deltas (content and indexed tool-call fragments) into the
/// one assistant message the stream stands for, which ``WebAgentsCodec`` then extracts.
///
/// ```swift
/// let chunks = try WebAgentsStream.chunks(fromEventStream: body)
/// let reply = try WebAgentsStream.message(from: chunks)   // {"role": "assistant", "content": "Try Kind of Blue"}
/// ```
public enum WebAgentsStream {
    /// The JSON payload of every `data:` line, up to `[DONE]`; lines of other fields and
    /// comments are skipped. Payloads span one line each, as webagents writes them.
    public static func chunks(fromEventStream text: String) throws(ConversationCodecError) -> [JSONValue] {
        var chunks: [JSONValue] = []
        for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            guard line.hasPrefix("data:") else { continue }
            var payload = line.dropFirst(5)
            if payload.first == " " { payload = payload.dropFirst() }
            if payload == "[DONE]" { break }
            do {
                chunks.append(try JSONValue(parsing: String(payload)))
            } catch {
                throw ConversationCodecError(.malformedNative, at: "line \(number + 1)", expected: "a JSON chunk after data:")
            }
        }
        return chunks
    }

    /// The assistant message the chunks of one choice (index 0) add up to.
    public static func message(from chunks: [JSONValue]) throws(ConversationCodecError) -> JSONValue {
        var role = "assistant"
        var content = ""
        var sawContent = false
        var calls: [Int: [String: JSONValue]] = [:]
        for (index, chunk) in chunks.enumerated() {
            let choices = try NativeReader.array(chunk["choices"], at: "$[\(index)].choices", expected: "an array of choices")
            guard let delta = choices.first(where: { ($0["index"] ?? 0) == 0 })?["delta"] else { continue }
            if let deltaRole = delta["role"]?.stringValue { role = deltaRole }
            if let text = delta["content"]?.stringValue {
                content += text
                sawContent = true
            }
            for fragment in delta["tool_calls"]?.arrayValue ?? [] {
                merge(fragment, into: &calls)
            }
        }
        var message: [String: JSONValue] = ["role": .string(role), "content": sawContent || calls.isEmpty ? .string(content) : .null]
        if !calls.isEmpty {
            message["tool_calls"] = .array(calls.keys.sorted().map { .object(calls[$0]!) })
        }
        return .object(message)
    }

    /// Appends one indexed tool-call fragment: ids and names arrive once, arguments in pieces.
    private static func merge(_ fragment: JSONValue, into calls: inout [Int: [String: JSONValue]]) {
        guard case .integer(let index)? = fragment["index"] else { return }
        var call = calls[index] ?? ["type": "function", "function": ["name": "", "arguments": ""]]
        if let id = fragment["id"] { call["id"] = id }
        var function = call["function"]?.objectValue ?? [:]
        if let name = fragment["function"]?["name"]?.stringValue {
            function["name"] = .string((function["name"]?.stringValue ?? "") + name)
        }
        if let arguments = fragment["function"]?["arguments"]?.stringValue {
            function["arguments"] = .string((function["arguments"]?.stringValue ?? "") + arguments)
        }
        call["function"] = .object(function)
        calls[index] = call
    }
}
