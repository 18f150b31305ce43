import Foundation

/// Sends one webhook HTTP request. The server implements it with AsyncHTTPClient (pooled
/// connections, timeouts); tests may record requests instead.
///
/// ```swift
/// let response = try await sender.send(request)   // throws for a timeout or a refused connection
/// response.status                                 // any status, 2xx or not
/// ```
package protocol WebhookSender: Sendable {
    func send(_ request: WebhookRequest) async throws -> WebhookResponse
}

/// A POST of a signed event.
package struct WebhookRequest: Sendable {
    /// The URL to connect to (for a pinned `http` target, the checked address in place of the host).
    package var url: String
    /// Every header, `Host` included when the URL was pinned.
    package var headers: [(name: String, value: String)]
    /// The exact signed bytes.
    package var body: Data
    /// The deadline for the whole exchange, in seconds.
    package var timeout: TimeInterval

    package init(url: String, headers: [(name: String, value: String)], body: Data, timeout: TimeInterval) {
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The value of header `name` (case-insensitive).
    package func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

/// The receiver's answer; only the status matters.
package struct WebhookResponse: Sendable, Hashable {
    package var status: Int

    package init(status: Int) {
        self.status = status
    }

    /// 2xx: delivered.
    package var isSuccess: Bool { (200..<300).contains(status) }
}
