import Foundation

/// How long to wait before each retry of a failed webhook delivery; after the last retry the
/// delivery goes to the dead-letter queue.
///
/// The standard schedule is the reference's: 1 s, 5 s, 30 s, 5 min, 1 h, 6 h — seven attempts
/// in all over about 7 h 6 min. Tests shorten it with `HANDOFFRAIL_WEBHOOK_RETRY_SCHEDULE`.
///
/// ```swift
/// let schedule = WebhookRetrySchedule.standard
/// schedule.next(afterFailedAttempt: 1, at: now)   // .retry(at: now + 1 s)
/// schedule.next(afterFailedAttempt: 7, at: now)   // .deadLetter
/// let fast = try WebhookRetrySchedule(parsing: "100ms,200ms,1s")
/// ```
public struct WebhookRetrySchedule: Sendable, Hashable, CustomStringConvertible {
    /// The wait before retry 1, 2, …, in seconds.
    public var delays: [TimeInterval]

    public init(delays: [TimeInterval]) {
        self.delays = delays
    }

    /// 1 s, 5 s, 30 s, 5 min, 1 h, 6 h.
    public static let standard = WebhookRetrySchedule(delays: [1, 5, 30, 300, 3_600, 21_600])

    /// Parses a comma-separated list of durations (`"1s,5s,30s,5m,1h,6h"`, `"0.2,0.5"`); an
    /// empty list means no retries (the first failure is a dead letter).
    public init(parsing text: String) throws(DurationParseError) {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var delays: [TimeInterval] = []
        for part in parts {
            delays.append(try DurationText.seconds(part))
        }
        self.delays = delays
    }

    /// What follows the failure of attempt number `attempt` (1 for the first attempt).
    public func next(afterFailedAttempt attempt: Int, at date: Date) -> RetryDecision {
        guard attempt >= 1, attempt <= delays.count else { return .deadLetter }
        return .retry(at: date.addingTimeInterval(delays[attempt - 1]))
    }

    public var description: String {
        delays.map(DurationText.format).joined(separator: ",")
    }
}

/// A failed delivery's fate.
public enum RetryDecision: Sendable, Hashable {
    case retry(at: Date)
    case deadLetter
}
