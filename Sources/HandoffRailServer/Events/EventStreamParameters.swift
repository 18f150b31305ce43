import Foundation
import HandoffRailModels
import HandoffRailService
import Hummingbird

/// What a client asks of `/events` or `/ws`: its channels (`subscribe`, repeatable) and, for
/// SSE, where it resumes (`Last-Event-ID`).
///
/// An invalid channel is FastAPI's 422 naming `["query", "subscribe", index]`. A
/// `Last-Event-ID` that is not an outbox sequence (a decimal integer) is ignored: the client
/// gets live events only, as one without the header would.
struct EventStreamParameters: Sendable {
    var filter: EventChannelFilter
    var lastEventID: Int64?

    init(_ request: Request) throws {
        var channels: Set<EventChannel> = []
        var issues: [ValidationIssue] = []
        for (index, text) in Self.values(named: "subscribe", in: request.uri.query).enumerated() {
            do {
                channels.insert(try EventChannel(parsing: text))
            } catch {
                issues.append(ValidationIssue(
                    type: "value_error", loc: [.key("query"), .key("subscribe"), .index(index)],
                    msg: "Value error, \(error.description)", input: .string(text)))
            }
        }
        guard issues.isEmpty else { throw RequestValidationFailure(issues: issues) }
        filter = EventChannelFilter(channels)
        lastEventID = request.headers[.lastEventID].flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Every value of `name` in a query string, decoded as forms are (`+` is a space, then `%XX`).
    static func values(named name: String, in query: String?) -> [String] {
        guard let query else { return [] }
        return query.split(separator: "&").compactMap { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard decode(parts[0]) == name else { return nil }
            return parts.count > 1 ? decode(parts[1]) : ""
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
