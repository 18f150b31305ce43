import Foundation

/// The transport under ``HandoffRailClient``: adds the API key, user agent and automatic
/// idempotency keys, bounds each attempt by the timeout, and retries what ``RetryPolicy``
/// allows. Failures leave it as ``HandoffRailError`` (`.connection`, `.timeout`).
struct RetryingTransport: HandoffRailTransport {
    let base: any HandoffRailTransport
    let apiKey: String?
    let configuration: HandoffRailClientConfiguration
    let sleeper: RetrySleeper

    func send(_ request: TransportRequest) async throws -> TransportResponse {
        let request = prepared(request)
        let policy = RetryPolicy(configuration: configuration)
        var attempt = 0
        while true {
            let delay: TimeInterval
            do {
                let response = try await sendOnce(request)
                guard let wait = policy.delay(after: response, to: request, attempt: attempt) else { return response }
                delay = wait
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                let failure = HandoffRailError.transport(error, operationID: request.operationID)
                guard let wait = policy.delay(after: failure, to: request, attempt: attempt) else { throw failure }
                delay = wait
            }
            try await sleeper.sleep(delay)
            attempt += 1
        }
    }

    /// `request` with the API key, user agent and, for keyed creates, an `Idempotency-Key`
    /// (chosen once, so every attempt carries the same key).
    func prepared(_ request: TransportRequest) -> TransportRequest {
        var request = request
        if let apiKey, request.header(named: "X-API-Key") == nil { request.headers["X-API-Key"] = apiKey }
        if request.header(named: "User-Agent") == nil { request.headers["User-Agent"] = configuration.userAgent }
        if RetryPolicy.keyedOperations.contains(request.operationID), request.header(named: "Idempotency-Key") == nil {
            request.headers["Idempotency-Key"] = UUID().uuidString.lowercased()
        }
        return request
    }

    /// One attempt, abandoned as `.timeout` after `configuration.timeout` seconds.
    private func sendOnce(_ request: TransportRequest) async throws -> TransportResponse {
        let timeout = configuration.timeout
        return try await withThrowingTaskGroup(of: TransportResponse?.self) { group in
            group.addTask { try await base.send(request) }
            group.addTask {
                try await Task.sleep(for: .milliseconds(Int((max(0, timeout) * 1000).rounded())))
                return nil
            }
            defer { group.cancelAll() }
            if let response = try await group.next() ?? nil { return response }
            throw HandoffRailError(kind: .timeout, operationID: request.operationID, reason: "no answer within \(timeout) s")
        }
    }
}

extension RetryingTransport: CustomReflectable {
    /// Mirrors without the API key, so dumping a client never prints it.
    var customMirror: Mirror {
        Mirror(self, children: ["base": base, "configuration": configuration], displayStyle: .struct)
    }
}
