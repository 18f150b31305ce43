import Foundation

/// A query string decoded as HTML forms and FastAPI (Starlette) decode it: `+` is a space,
/// then `%XX` escapes are decoded, in keys and values alike.
///
/// Hummingbird's `queryParameters` percent-decodes values but keeps `+`, so `q=refund+request`
/// would read as `refund+request` where existing clients expect `refund request`.
struct FormQuery: Sendable {
    private var pairs: [(name: String, value: String)] = []

    init(_ query: String?) {
        guard let query, !query.isEmpty else { return }
        for item in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            pairs.append((name, value))
        }
    }

    /// The first value of `name`, like FastAPI for a scalar parameter.
    func first(_ name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        // An invalid escape is kept as written, as Starlette does.
        return spaced.removingPercentEncoding ?? spaced
    }
}
