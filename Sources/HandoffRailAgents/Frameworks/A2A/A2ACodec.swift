import HandoffRailModels

/// A2A protocol v1 conversations: an array of `Message` objects.
///
/// A message is `{"role": "ROLE_USER"|"ROLE_AGENT", "parts": [...], "messageId", "taskId"?,
/// "contextId"?, "metadata"?}`; a part holds exactly one of `text`, `data` (any JSON), `url` or
/// `raw` (base64 bytes, with `filename` / `mediaType`; pre-v1 `{"file": {name, mimeType, uri|bytes}}` is read too). Text parts are the turn's text; the
/// others become `[data] {…}` / `[file] name (type) url` lines, and the whole message rides in
/// the source tag, so a same-format resume re-emits it unchanged. Turns from other formats are
/// rebuilt as `{"role", "parts": [{"text"}], "messageId": "handoffrail-<index>"}` (deterministic
/// ids, so the same packet always resumes to the same JSON).
///
/// ```swift
/// let turns = try A2ACodec().extract([sample["request"]!["message"]!, sample["followUp"]!["message"]!])
/// ```
public struct A2ACodec: ConversationCodec {
    public let format = ConversationFormat.a2a
    public let capabilities = ConversationCodecCapabilities(
        losslessSameFormat: true, crossFormatIsTextOnly: true, lostAcrossFormats: ConversationCodecCapabilities.textLevelLosses,
        resumeShape: "array of A2A v1 Message objects")

    /// A codec.
    public init() {}

    public func extract(_ native: JSONValue) throws(ConversationCodecError) -> [ContextEntry] {
        try extractEachItem(of: native, expected: "an array of A2A messages") { message, location throws(ConversationCodecError) in
            try entry(from: message, at: location)
        }
    }

    public func resume(_ entries: [ContextEntry], options: ResumeOptions) throws(ConversationCodecError) -> JSONValue {
        try resumeEachTurn(entries, options: options) { entry, index throws(ConversationCodecError) in
            [
                "role": .string(try nativeRole(of: entry, at: index)),
                "parts": [["text": .string(entry.content)]],
                "messageId": .string("handoffrail-\(index)"),
            ]
        }
    }

    /// The text of one A2A message's parts: text parts verbatim, other parts as lines.
    static func text(ofParts parts: JSONValue?, at location: String) throws(ConversationCodecError) -> String {
        let parts = try NativeReader.array(parts, at: location, expected: "an array of parts")
        var lines: [String] = []
        for (index, part) in parts.enumerated() {
            lines.append(try line(for: part, at: "\(location)[\(index)]"))
        }
        return TurnText.joined(lines)
    }

    private func entry(from message: JSONValue, at location: String) throws(ConversationCodecError) -> ContextEntry {
        let native = try NativeReader.string(message["role"], at: "\(location).role", expected: "a message role")
        guard let role = ConversationRoleTable.mapping(for: .a2a).packetRole(forNative: native) else {
            throw ConversationCodecError(.unsupportedItem, at: "\(location).role", expected: "ROLE_USER or ROLE_AGENT")
        }
        let text = try Self.text(ofParts: message["parts"], at: "\(location).parts")
        return ContextEntry(role: role, content: text, metadata: TurnText.metadata(kind: "message", source: SourceTag(format: format, raw: message)))
    }

    private static func line(for part: JSONValue, at location: String) throws(ConversationCodecError) -> String {
        let members = try NativeReader.object(part, at: location, expected: "an A2A part")
        if let text = members["text"] {
            return try NativeReader.string(text, at: "\(location).text", expected: "text")
        }
        if let data = members["data"] { return "[data] \(TurnText.compact(data))" }
        // v1 file parts carry url/raw beside filename/mediaType; pre-v1 (0.3) nest {name, mimeType, uri|bytes} in `file`.
        let file = members["file"]?.objectValue ?? members
        let name = file["filename"]?.stringValue ?? file["name"]?.stringValue
        let type = file["mediaType"]?.stringValue ?? file["mimeType"]?.stringValue
        let label = ["[file]", name, type.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
        if let url = file["url"]?.stringValue ?? file["uri"]?.stringValue { return "\(label) \(url)" }
        if file["raw"]?.stringValue != nil || file["bytes"]?.stringValue != nil { return "\(label) [inline bytes]" }
        throw ConversationCodecError(.unsupportedItem, at: location, expected: "a part with text, data, url or raw")
    }
}
