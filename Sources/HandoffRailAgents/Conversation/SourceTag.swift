import HandoffRailModels

/// The original native item a turn came from, kept in `metadata["handoffrail.source"]`.
///
/// This is what makes same-format round trips lossless: a codec that meets a turn tagged
/// with its own format re-emits `raw` unchanged instead of rebuilding the item from text.
/// `placement` records codec-specific position data (which list of a `HandoffInputData`
/// the item was in, the `CrewOutput` envelope around a task) so that containers can be
/// reassembled too.
///
/// ```json
/// {"handoffrail.source": {"format": "langchain", "version": "1",
///                         "raw": {"type": "ai", "data": {"content": "Hi", ...}}}}
/// ```
public struct SourceTag: Sendable, Hashable {
    /// The metadata key the tag is stored under.
    public static let metadataKey = "handoffrail.source"

    /// The format the item was written in.
    public var format: ConversationFormat
    /// The native item, unchanged.
    public var raw: JSONValue
    /// Where the item sat in its container, if that matters for re-emitting it.
    public var placement: JSONValue?

    /// A tag.
    public init(format: ConversationFormat, raw: JSONValue, placement: JSONValue? = nil) {
        self.format = format
        self.raw = raw
        self.placement = placement
    }

    /// The tag in `metadata`, or `nil` when it is absent, names an unknown framework or
    /// lacks `raw`.
    public init?(metadata: [String: JSONValue]?) {
        guard let tag = metadata?[Self.metadataKey], let name = tag["format"]?.stringValue,
            let framework = AgentFramework(rawValue: name), let version = tag["version"]?.stringValue,
            let raw = tag["raw"]
        else { return nil }
        self.init(format: ConversationFormat(framework: framework, version: version), raw: raw, placement: tag["placement"])
    }

    /// The JSON stored in metadata.
    public var jsonValue: JSONValue {
        var members: [String: JSONValue] = [
            "format": .string(format.framework.rawValue), "version": .string(format.version), "raw": raw,
        ]
        if let placement { members["placement"] = placement }
        return .object(members)
    }
}

extension ContextEntry {
    /// The turn's source tag, if it has one.
    public var sourceTag: SourceTag? { SourceTag(metadata: metadata) }
}
