/// A user's search text turned into an FTS5 query that cannot carry FTS syntax.
///
/// The text is split into words (runs of letters and digits); each word becomes an FTS5
/// string (`"word"`), and the strings are joined with spaces, which FTS5 reads as AND. Quotes,
/// `*`, `:`, `^`, parentheses, `-` and SQL comment markers are separators, so they vanish;
/// `OR`, `NOT`, `NEAR` survive only as quoted words and are matched literally.
///
/// ```swift
/// FullTextQuery("deploy \"prod\" OR NEAR(x*")?.match   // "deploy" "prod" "OR" "NEAR" "x"
/// FullTextQuery("'; --")                               // nil: no words
/// ```
struct FullTextQuery: Sendable, Hashable {
    /// At most this many words are used, to bound the cost of one query.
    static let maximumWordCount = 32

    /// The FTS5 `MATCH` expression.
    var match: String

    init?(_ text: String) {
        let words = text.split { !($0.isLetter || $0.isNumber) }.prefix(Self.maximumWordCount)
        guard !words.isEmpty else { return nil }
        match = words.map { "\"\($0)\"" }.joined(separator: " ")
    }
}
