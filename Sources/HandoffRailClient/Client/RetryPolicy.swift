import Foundation

/// Which failures ``HandoffRailClient`` retries, and after how long.
///
/// Only what cannot do harm twice: an answer-less attempt (connection failure, timeout) or
/// 502/503/504 for idempotent requests — GET, HEAD, PUT, DELETE, OPTIONS, or any request
/// carrying an `Idempotency-Key`, which the server deduplicates — and 429 for every request,
/// since a rate-limited request was refused before it ran.
package struct RetryPolicy: Sendable {
    var maxRetries: Int
    var baseDelay: TimeInterval
    var maxRetryAfter: TimeInterval
    /// The longest backoff between two attempts, however many retries came before.
    var maxBackoff: TimeInterval = 30

    init(configuration: HandoffRailClientConfiguration) {
        self.maxRetries = max(0, configuration.maxRetries)
        self.baseDelay = max(0, configuration.retryBaseDelay)
        self.maxRetryAfter = max(0, configuration.maxRetryAfter)
    }

    static let idempotentMethods: Set<String> = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]
    static let retriedStatuses: Set<Int> = [502, 503, 504]
    /// Creating operations whose `Idempotency-Key` the server honours: the client adds a key
    /// to them when the caller gave none, so their retries never create twice.
    package static let keyedOperations: Set<String> = ["createPacket", "batchCreatePackets", "chainPacket"]

    /// Whether repeating `request` cannot apply it twice.
    static func isIdempotent(_ request: TransportRequest) -> Bool {
        idempotentMethods.contains(request.method.uppercased()) || request.header(named: "Idempotency-Key") != nil
    }

    /// The wait before retrying after `response` to attempt number `attempt` (0 = the first),
    /// or `nil` when the response is final.
    func delay(after response: TransportResponse, to request: TransportRequest, attempt: Int) -> TimeInterval? {
        guard attempt < maxRetries else { return nil }
        if response.statusCode == 429 {
            guard let retryAfter = response.retryAfter else { return backoff(attempt: attempt) }
            return retryAfter <= maxRetryAfter ? retryAfter : nil
        }
        guard Self.retriedStatuses.contains(response.statusCode), Self.isIdempotent(request) else { return nil }
        if let retryAfter = response.retryAfter, retryAfter <= maxRetryAfter { return max(retryAfter, backoff(attempt: attempt)) }
        return backoff(attempt: attempt)
    }

    /// The wait before retrying after `failure` (no answer) of attempt `attempt`, or `nil`.
    func delay(after failure: HandoffRailError, to request: TransportRequest, attempt: Int) -> TimeInterval? {
        guard attempt < maxRetries, failure.kind == .connection || failure.kind == .timeout, Self.isIdempotent(request) else { return nil }
        return backoff(attempt: attempt)
    }

    /// `baseDelay · 2^attempt`, capped, times a random 50–100 %.
    func backoff(attempt: Int) -> TimeInterval {
        let exponential = min(maxBackoff, baseDelay * pow(2, Double(min(attempt, 30))))
        return exponential * Double.random(in: 0.5...1.0)
    }
}

extension TransportRequest {
    /// The value of header `name`, compared case-insensitively.
    func header(named name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
