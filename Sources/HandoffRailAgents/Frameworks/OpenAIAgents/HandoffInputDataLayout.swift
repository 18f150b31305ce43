import HandoffRailModels

/// Splits a `HandoffInputData` into turns and puts it back together.
///
/// Each turn's source placement names its list (`{"segment": "pre_handoff_items"}`); the
/// first turn also carries the object with its item lists emptied (`"envelope"`), so that
/// `input_items` (a replacement for `new_items` that the SDK may set) and `null` versus `[]`
/// come back exactly. `input_history` may be a string in the SDK; it then becomes one user
/// turn marked `"as_string": true`.
struct HandoffInputDataLayout {
    static let segments = ["input_history", "pre_handoff_items", "new_items"]

    private var envelope: [String: JSONValue]
    private var lists: [String: [JSONValue]] = [:]
    private var historyAsString = false

    /// Turns from a `HandoffInputData` object.
    static func extract(_ data: [String: JSONValue], format: ConversationFormat) throws(ConversationCodecError) -> [ContextEntry] {
        guard segments.contains(where: { data[$0] != nil }) else {
            throw NativeReader.malformed("$", "a HandoffInputData object (input_history, pre_handoff_items, new_items)")
        }
        var envelope = data
        for segment in segments where data[segment] != nil { envelope[segment] = [] }
        var reader = OpenAIItemReader(format: format)
        var entries: [ContextEntry] = []
        /// The first turn carries the envelope; every turn names its list.
        func placement(_ segment: String, asString: Bool = false) -> JSONValue {
            var members: [String: JSONValue] = ["segment": .string(segment)]
            if entries.isEmpty { members["envelope"] = .object(envelope) }
            if asString { members["as_string"] = true }
            return .object(members)
        }
        for segment in segments {
            switch data[segment] {
            case nil, .null?: continue
            case .string(let text)?:
                let source = SourceTag(format: format, raw: .string(text), placement: placement(segment, asString: true))
                entries.append(ContextEntry(role: .user, content: text, metadata: TurnText.metadata(kind: "message", source: source)))
            case let value?:
                let items = try NativeReader.array(value, at: "$.\(segment)", expected: "an array of input items")
                for (index, item) in items.enumerated() {
                    entries.append(try reader.entry(from: item, at: "$.\(segment)[\(index)]", placement: placement(segment)))
                }
            }
        }
        return entries
    }

    /// The list a tagged turn came from.
    static func segment(of source: SourceTag) -> String? {
        source.placement?["segment"]?.stringValue.flatMap { segments.contains($0) ? $0 : nil }
    }

    /// A layout for resuming `entries`, starting from the envelope the first of them carries.
    init(entries: [ContextEntry], format: ConversationFormat, options: ResumeOptions) {
        let tagged = options.reuseSourceItems ? entries.lazy.compactMap(\.sourceTag).first { $0.format == format } : nil
        envelope = tagged?.placement?["envelope"]?.objectValue
            ?? ["input_history": [], "pre_handoff_items": [], "new_items": [], "input_items": .null]
        historyAsString = options.reuseSourceItems
            && entries.contains { $0.sourceTag?.format == format && $0.sourceTag?.placement?["as_string"] == true }
        for segment in Self.segments { lists[segment] = [] }
    }

    mutating func append(_ item: JSONValue, segment: String?) {
        lists[segment ?? "input_history", default: []].append(item)
    }

    var jsonValue: JSONValue {
        var object = envelope
        for segment in Self.segments {
            let items = lists[segment] ?? []
            if envelope[segment] == nil && items.isEmpty { continue }
            object[segment] = .array(items)
        }
        if historyAsString, let text = lists["input_history"]?.first?.stringValue { object["input_history"] = .string(text) }
        return .object(object)
    }
}
