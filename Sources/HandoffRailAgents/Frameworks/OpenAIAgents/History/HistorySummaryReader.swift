/// Reads summary messages back into items, as the SDK does before nesting again
/// (`_flatten_nested_history_messages` and its helpers in agents/handoffs/history.py, 0.24.0),
/// so a second handoff re-summarises the original items instead of summarising a summary.
///
/// A message is a summary when it is an assistant message with string content whose first
/// line is the preamble (current or legacy) and whose rest starts with `start + "\n"` and ends
/// with `"\n" + end`. Records are numbered lines (continuation lines join the record); each is
/// read as a JSON object, else as `role[ (name)]: content` (a non-message role with a JSON
/// object as content becomes an item of that `type`), else a bare role, else dropped.
///
/// ```swift
/// let items = HistorySummaryReader(wrappers: .default).items(inSummary: message)   // nil if not a summary
/// ```
struct HistorySummaryReader: Sendable {
    typealias Scalars = PythonStringRules.Scalars
    var wrappers: ConversationHistoryWrappers

    static let knownRoles: Set<String> = ["user", "assistant", "system", "developer"]

    /// Each history item, or the items a summary message stood for.
    func flatten(_ items: [OrderedJSON]) -> [OrderedJSON] {
        items.flatMap { self.items(inSummary: $0) ?? [$0] }
    }

    func items(inSummary item: OrderedJSON) -> [OrderedJSON]? {
        guard item["role"]?.stringValue == "assistant", let content = item["content"]?.stringValue else { return nil }
        let scalars = PythonStringRules.scalars(content)
        guard let newline = scalars.firstIndex(of: "\n") else { return nil }
        let preamble = PythonStringRules.string(scalars[..<newline])
        guard preamble == ConversationHistoryWrappers.preamble || preamble == ConversationHistoryWrappers.legacyPreamble else { return nil }
        let wrapped = Array(scalars[(newline + 1)...])
        let startWrapper = PythonStringRules.scalars(wrappers.start + "\n")
        let endWrapper = PythonStringRules.scalars("\n" + wrappers.end)
        guard wrapped.starts(with: startWrapper), wrapped.reversed().starts(with: endWrapper.reversed()) else { return nil }
        let bodyEnd = wrapped.count - endWrapper.count
        let body = startWrapper.count < bodyEnd ? Array(wrapped[startWrapper.count..<bodyEnd]) : []
        return Self.records(in: body).compactMap(Self.item(fromRecord:))
    }

    /// `_split_summary_records`.
    static func records(in body: Scalars) -> [Scalars] {
        var records: [Scalars] = []
        var current: [Scalars] = []
        var currentIsNumbered = false
        for line in PythonStringRules.splitLines(body) where !PythonStringRules.strip(line).isEmpty {
            let numbered = startsNumberedRecord(line)
            if current.isEmpty || numbered || !currentIsNumbered {
                if !current.isEmpty { records.append(joinedLines(current)) }
                current = [PythonStringRules.strip(line)]
                currentIsNumbered = numbered
            } else {
                current.append(PythonStringRules.rstrip(line))
            }
        }
        if !current.isEmpty { records.append(joinedLines(current)) }
        return records
    }

    private static func joinedLines(_ lines: [Scalars]) -> Scalars { Array(lines.joined(separator: ["\n"])) }

    private static func startsNumberedRecord(_ line: Scalars) -> Bool {
        let stripped = PythonStringRules.lstrip(line)
        guard let dot = stripped.firstIndex(of: ".") else { return false }
        return PythonStringRules.isDigits(stripped[..<dot])
    }

    /// `_parse_summary_line`.
    static func item(fromRecord record: Scalars) -> OrderedJSON? {
        var stripped = PythonStringRules.strip(record)
        guard !stripped.isEmpty else { return nil }
        if let dot = stripped.firstIndex(of: "."), PythonStringRules.isDigits(stripped[..<dot]) {
            stripped = PythonStringRules.lstrip(Array(stripped[(dot + 1)...]))
        }
        if let object = jsonObject(stripped) { return HistorySummaryWriter.stripSDKMetadata(object.removing("provider_data")) }
        guard let colon = stripped.firstIndex(of: ":") else {
            guard isBareRole(stripped) else { return nil }
            let (role, name) = splitRoleAndName(stripped)
            var recovered: OrderedJSON = ["role": .string(role)]
            if let name { recovered["name"] = .string(name) }
            recovered["content"] = ""
            return recovered
        }
        let roleText = PythonStringRules.strip(Array(stripped[..<colon]))
        guard !roleText.isEmpty else { return nil }
        let (role, name) = splitRoleAndName(roleText)
        var reconstructed: OrderedJSON = ["role": .string(role)]
        if let name { reconstructed["name"] = .string(name) }
        let content = PythonStringRules.strip(Array(stripped[(colon + 1)...]))
        if !content.isEmpty, !knownRoles.contains(role), var typed = jsonObject(content) {
            typed = typed.removing("provider_data")
            typed["type"] = .string(role)
            return HistorySummaryWriter.stripSDKMetadata(typed)
        }
        reconstructed["content"] = .string(PythonStringRules.string(content))
        return reconstructed
    }

    private static func jsonObject(_ scalars: Scalars) -> OrderedJSON? {
        guard let value = try? OrderedJSON(parsing: PythonStringRules.string(scalars)), value.isObject else { return nil }
        return value
    }

    private static func isBareRole(_ stripped: Scalars) -> Bool {
        var candidate = stripped
        if candidate.last == ")", let open = candidate.lastIndex(of: "(") {
            candidate = PythonStringRules.strip(Array(candidate[..<open]))
        }
        return knownRoles.contains(PythonStringRules.string(candidate))
    }

    private static func splitRoleAndName(_ roleText: Scalars) -> (role: String, name: String?) {
        if roleText.last == ")", let open = roleText.lastIndex(of: "(") {
            let name = PythonStringRules.strip(Array(roleText[(open + 1)..<(roleText.count - 1)]))
            let role = PythonStringRules.strip(Array(roleText[..<open]))
            if !name.isEmpty { return (role.isEmpty ? "developer" : PythonStringRules.string(role), PythonStringRules.string(name)) }
        }
        return (roleText.isEmpty ? "developer" : PythonStringRules.string(roleText), nil)
    }
}
