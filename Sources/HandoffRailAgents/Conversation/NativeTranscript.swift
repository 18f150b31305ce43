import HandoffRailModels

/// A whole native transcript carried as a packet artifact.
///
/// Per-turn source tags make a conversation lossless turn by turn; some callers also want the
/// native document exactly as the framework produced it (a `CrewOutput` with its token usage,
/// a `HandoffInputData` including `input_items`) next to the turns, for example to resume
/// with the framework's own library. The artifact is keyed by format so one packet can carry
/// transcripts from several frameworks.
///
/// ```swift
/// context.artifacts.append(NativeTranscript.artifact(crewOutput, format: .crewAI))
/// let original = NativeTranscript.find(in: packet.context.artifacts, format: .crewAI)
/// ```
public enum NativeTranscript {
    /// `handoffrail.transcript.<framework>.<version>`.
    public static func key(for format: ConversationFormat) -> String {
        "handoffrail.transcript.\(format.framework.rawValue).\(format.version)"
    }

    /// An `application/json` artifact whose value is `{"format", "version", "raw"}`.
    public static func artifact(_ native: JSONValue, format: ConversationFormat) -> Artifact {
        let tag = SourceTag(format: format, raw: native)
        return Artifact(key: key(for: format), value: .object(tag.jsonValue.objectValue ?? [:]), contentType: "application/json")
    }

    /// The transcript of `format` among `artifacts`, or `nil` when there is none.
    public static func find(in artifacts: [Artifact], format: ConversationFormat) -> JSONValue? {
        guard let artifact = artifacts.last(where: { $0.key == key(for: format) }),
            case .object(let members) = artifact.value,
            let tag = SourceTag(metadata: [SourceTag.metadataKey: .object(members)]), tag.format == format
        else { return nil }
        return tag.raw
    }
}
