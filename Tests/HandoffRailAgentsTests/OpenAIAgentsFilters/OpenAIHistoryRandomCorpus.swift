import HandoffRailAgents

/// Seeded random `HandoffInputData` for the Python cross-check: random member order, text with
/// line breaks of every kind, control and non-ASCII characters, random doubles and huge
/// integers, names, prior summaries (so the reader is exercised too). Same seed, same cases.
struct OpenAIHistoryRandomCorpus {
    /// SplitMix64: tiny, seedable, and the same on every platform.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    var random: Generator

    static let fragments = [
        "refund", "A-17", " ", "\n", "\r\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "é", "中", "😀", "\u{2028}", "\u{85}", "\u{0B}",
        ":", ". ", "1.", "(", ")", "\"", "\\", "{", "}", "user", "assistant:", "12. ", "</CONVERSATION HISTORY>", "\u{A0}",
    ]

    mutating func text() -> String {
        (0..<Int.random(in: 0...6, using: &random)).map { _ in Self.fragments.randomElement(using: &random)! }.joined()
    }

    mutating func number() -> OrderedJSON {
        switch Int.random(in: 0...4, using: &random) {
        case 0: return .number(String(Int.random(in: -1_000_000...1_000_000, using: &random)))
        case 1: return .number("1" + String(repeating: "0", count: Int.random(in: 18...30, using: &random)))
        case 2:
            var double = Double(bitPattern: random.next())
            while !double.isFinite { double = Double(bitPattern: random.next()) }
            return .number(double.description)
        case 3: return .number((Double(Int.random(in: 1...99_999, using: &random)) * pow10(Int.random(in: 11...13, using: &random))).description)
        default: return .number((Double(Int.random(in: -1000...1000, using: &random)) / 8 * pow10(Int.random(in: -8...18, using: &random))).description)
        }
    }

    private func pow10(_ exponent: Int) -> Double { (0..<abs(exponent)).reduce(1.0) { value, _ in exponent < 0 ? value / 10 : value * 10 } }

    /// An object whose members are shuffled.
    mutating func object(_ members: [(String, OrderedJSON)]) -> OrderedJSON {
        .object(members.shuffled(using: &random).map { OrderedJSON.Member($0.0, $0.1) })
    }

    mutating func content() -> OrderedJSON? {
        switch Int.random(in: 0...4, using: &random) {
        case 0: return nil
        case 1: return .null
        case 2: return .array([object([("type", "input_text"), ("text", .string(text()))]), object([("type", "input_image"), ("image_url", "u")])])
        default: return .string(text())
        }
    }

    mutating func item() -> OrderedJSON {
        let callID = OrderedJSON.string("c\(Int.random(in: 0...3, using: &random))")
        switch Int.random(in: 0...7, using: &random) {
        case 0, 1, 2:
            var members: [(String, OrderedJSON)] = [("role", .string(["user", "assistant", "system", "developer"].randomElement(using: &random)!))]
            if let content = content() { members.append(("content", content)) }
            if Bool.random(using: &random) { members.append(("name", .string(text()))) }
            if Bool.random(using: &random) { members.append(("type", "message")) }
            if Bool.random(using: &random) { members.append(("provider_data", ["model": "m"])) }
            return object(members)
        case 3:
            return object([("type", "function_call"), ("call_id", callID), ("name", .string("tool_\(text().count)")),
                           ("arguments", .string(text())), ("status", Bool.random(using: &random) ? .null : "completed")])
        case 4:
            return object([("type", "function_call_output"), ("call_id", callID), ("output", .string(text())), ("extra", .array([number(), number()]))])
        case 5:
            return object([("type", "reasoning"), ("id", "rs"), ("summary", .array([object([("type", "summary_text"), ("text", .string(text()))])]))])
        case 6:
            return object([("type", "web_search_call"), ("id", "ws"), ("created_by", "s"), ("_agents_tool_title", "t"), ("status", "completed")])
        default:
            return object([("type", "program"), ("call_id", callID), ("code", .string(text()))])
        }
    }

    static let recordFragments = [
        "1. ", "2.", "10. ", " 3. ", "x. ", "user", "assistant (bot)", "developer ()", "(name)", ": ", ":", "tool: ",
        #"{"type": "function_call", "call_id": "c", "provider_data": {}, "created_by": "s"}"#, #"{"role": "user", "content": "a"}"#,
        "[1, 2]", "\n", "\u{2028}", "  ", "text", "function_call_output: {\"call_id\": \"c\", \"output\": \"o\"}",
    ]

    /// A summary-shaped message whose body is random records (legacy forms, JSON, junk), so the
    /// reader meets what the SDK's parser meets.
    mutating func randomSummary(_ wrappers: ConversationHistoryWrappers) -> OrderedJSON {
        let lines = (0..<Int.random(in: 0...6, using: &random)).map { _ in
            (0..<Int.random(in: 1...4, using: &random)).map { _ in Self.recordFragments.randomElement(using: &random)! }.joined()
        }
        let preamble = Bool.random(using: &random) ? ConversationHistoryWrappers.preamble : ConversationHistoryWrappers.legacyPreamble
        let body = ([preamble, wrappers.start] + lines + [wrappers.end]).joined(separator: "\n")
        return ["role": "assistant", "content": .string(body)]
    }

    mutating func items(_ range: ClosedRange<Int>) -> [OrderedJSON] { (0..<Int.random(in: range, using: &random)).map { _ in item() } }

    /// Case `index`: random lists, sometimes a prior summary at the front, various filters.
    mutating func randomCase(_ index: Int) -> OpenAIHistoryCase {
        var history = items(0...5)
        let wrappers = Bool.random(using: &random) ? ConversationHistoryWrappers.default : OpenAIHistoryCorpus.customWrappers
        if Bool.random(using: &random) { history.insert(HistorySummaryWriter(wrappers: wrappers).summaryMessage(for: items(0...4)), at: 0) }
        if Int.random(in: 0...2, using: &random) == 0 { history.append(randomSummary(wrappers)) }
        let data = OpenAIHandoffInputData(
            inputHistory: Int.random(in: 0...5, using: &random) == 0 ? .text(text()) : .items(history),
            preHandoffItems: items(0...5).map(OpenAIRunItem.init), newItems: items(0...3).map(OpenAIRunItem.init))
        let steps: [[OpenAIHistoryCase.Step]] = [
            [.nest(wrappers)], [.removeAllTools, .nest(wrappers)], [.keepLast(Int.random(in: 0...8, using: &random)), .nest(wrappers)],
            [.redact(patterns: ["refund", #"\d+"#], scope: .all), .nest(wrappers)], [.removeAllTools],
        ]
        return OpenAIHistoryCase("random-\(index)", input: data, steps[index % steps.count])
    }

    static func cases(count: Int = 40, seed: UInt64 = 20261122) -> [OpenAIHistoryCase] {
        var corpus = OpenAIHistoryRandomCorpus(random: Generator(state: seed))
        return (0..<count).map { corpus.randomCase($0) }
    }
}
