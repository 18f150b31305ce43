import HandoffRailModels

/// Converts between a framework's serialised conversation and packet turns.
///
/// `extract` reads the framework's JSON (as the framework's own library writes it) into
/// `[ContextEntry]`, tagging each turn with its original item (``SourceTag``); `resume`
/// writes turns back as native JSON for the next agent. Turns that came from the same
/// format are re-emitted exactly; others are rebuilt as text messages (see
/// ``ConversationCodecCapabilities``). Roles always go through ``ConversationRoleTable``.
///
/// ```swift
/// let codec = LangChainCodec()
/// let turns = try codec.extract(try JSONValue(parsing: messagesToDictJSON))
/// let messages = try codec.resume(turns, options: ResumeOptions())   // equal to the input
/// ```
public protocol ConversationCodec: Sendable {
    /// The native format this codec reads and writes.
    var format: ConversationFormat { get }
    /// What survives conversion into this format.
    var capabilities: ConversationCodecCapabilities { get }
    /// Packet turns from a native document.
    func extract(_ native: JSONValue) throws(ConversationCodecError) -> [ContextEntry]
    /// A native document from packet turns.
    func resume(_ entries: [ContextEntry], options: ResumeOptions) throws(ConversationCodecError) -> JSONValue
}

extension ConversationCodec {
    /// A native document from a packet's `context.conversation_state`, with `options`' blanks
    /// filled from the packet (source agent name, summary, custom context).
    ///
    /// ```swift
    /// let inputs = try CrewAICodec().resume(packet)   // kickoff inputs
    /// ```
    public func resume(_ packet: Packet, options: ResumeOptions = ResumeOptions()) throws(ConversationCodecError) -> JSONValue {
        try resume(packet.context.conversationState, options: options.filled(from: packet))
    }

    /// The entry's source tag when it came from this codec's format and options allow reuse.
    func reusableSource(of entry: ContextEntry, options: ResumeOptions) -> SourceTag? {
        guard options.reuseSourceItems, let tag = entry.sourceTag, tag.format == format else { return nil }
        return tag
    }

    /// Turns from a format that is a JSON array of items, one turn per item read by `entry`
    /// (given the item and its location, `$[i]`).
    func extractEachItem(
        of native: JSONValue, expected: String,
        _ entry: (JSONValue, String) throws(ConversationCodecError) -> ContextEntry
    ) throws(ConversationCodecError) -> [ContextEntry] {
        let items = try NativeReader.array(native, at: "$", expected: expected)
        var entries: [ContextEntry] = []
        for (index, item) in items.enumerated() {
            entries.append(try entry(item, "$[\(index)]"))
        }
        return entries
    }

    /// A JSON array with one item per turn: the turn's original item where
    /// ``reusableSource(of:options:)`` allows, otherwise the item `rebuild` makes of the turn
    /// (given its index).
    func resumeEachTurn(
        _ entries: [ContextEntry], options: ResumeOptions,
        rebuild: (ContextEntry, Int) throws(ConversationCodecError) -> JSONValue
    ) throws(ConversationCodecError) -> JSONValue {
        var items: [JSONValue] = []
        for (index, entry) in entries.enumerated() {
            if let source = reusableSource(of: entry, options: options) {
                items.append(source.raw)
            } else {
                items.append(try rebuild(entry, index))
            }
        }
        return .array(items)
    }

    /// The native role for a turn rebuilt as text.
    func nativeRole(of entry: ContextEntry, at index: Int) throws(ConversationCodecError) -> String {
        do {
            return try ConversationRoleTable.mapping(for: format.framework).nativeRole(for: entry.role)
        } catch {
            throw ConversationCodecError(error.code, at: "$[\(index)].role", expected: error.expectation)
        }
    }
}
