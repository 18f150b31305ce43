import AsyncHTTPClient
import Foundation
import HandoffRailService
import NIOCore

/// Sends webhook requests through one shared AsyncHTTPClient (pooled keep-alive connections
/// per target; connect timeout from the client's configuration, the request's own deadline
/// for the whole exchange).
///
/// The receiver's answer body is read and discarded (at most 64 KiB, then the connection is
/// dropped) so the connection can go back to the pool.
struct AsyncHTTPClientWebhookSender: WebhookSender {
    /// Answer bytes read at most before giving up on the body.
    static let maximumDrainedBytes = 64 * 1024

    let client: HTTPClient

    func send(_ request: WebhookRequest) async throws -> WebhookResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = .POST
        for header in request.headers {
            outgoing.headers.replaceOrAdd(name: header.name, value: header.value)
        }
        outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        let response = try await client.execute(outgoing, timeout: .milliseconds(Int64((request.timeout * 1_000).rounded())))
        var drained = 0
        for try await chunk in response.body {
            drained += chunk.readableBytes
            if drained > Self.maximumDrainedBytes { break }
        }
        return WebhookResponse(status: Int(response.status.code))
    }

    /// The client configuration for webhooks: no redirects (a redirect could lead past the
    /// SSRF check), connect timeout, HTTP/1.1 keep-alive pool.
    static func clientConfiguration(_ configuration: WebhookDispatcherConfiguration) -> HTTPClient.Configuration {
        var client = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(
                connect: .milliseconds(Int64((configuration.connectTimeout * 1_000).rounded())),
                read: .milliseconds(Int64((configuration.requestTimeout * 1_000).rounded()))),
            connectionPool: HTTPClient.Configuration.ConnectionPool(idleTimeout: .seconds(60)))
        client.httpVersion = .http1Only
        return client
    }
}
