import Foundation
import Hummingbird
import HummingbirdCore
import Logging

/// Runs a throwaway Hummingbird server on 127.0.0.1 while a test closure runs, on a port the
/// operating system picks (port 0), so tests never collide with each other or with other
/// processes on the machine.
///
/// The server's real port is learned through `onServerRunning` — the closure only starts once
/// the listener is bound — and the server is cancelled when the closure returns or throws.
/// Logging is silenced (level `.critical`) so test output stays readable.
///
/// ```swift
/// let router = Router()
/// router.post("/hook") { _, _ in HTTPResponse.Status.ok }
/// try await EphemeralServer.run(router: router) { baseURL in
///     // baseURL is e.g. http://127.0.0.1:53117 (no trailing slash)
///     try await deliver(to: baseURL.appendingPathComponent("hook"))
/// }
/// ```
///
/// For a WebSocket server pass the server builder:
/// `EphemeralServer.run(router: httpRouter, server: .http1WebSocketUpgrade(webSocketRouter: wsRouter)) { … }`.
package enum EphemeralServer {
    /// Serves `router` for the duration of `body`, which gets the server's base URL.
    package static func run<Builder: HTTPResponderBuilder, Value: Sendable>(
        router: Builder,
        server: HTTPServerBuilder = .http1(),
        loggerLabel: String = "ephemeral-test-server",
        _ body: @Sendable (_ baseURL: URL) async throws -> Value
    ) async throws -> Value where Builder.Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        try await run(responder: router.buildResponder(), server: server, loggerLabel: loggerLabel, body)
    }

    /// Serves an already built `responder` (e.g. a `RouterResponder` kept by a test fixture)
    /// for the duration of `body`, which gets the server's base URL.
    package static func run<Responder: HTTPResponder, Value: Sendable>(
        responder: Responder,
        server: HTTPServerBuilder = .http1(),
        loggerLabel: String = "ephemeral-test-server",
        _ body: @Sendable (_ baseURL: URL) async throws -> Value
    ) async throws -> Value where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        var logger = Logger(label: loggerLabel)
        logger.logLevel = .critical
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            responder: responder,
            server: server,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            },
            logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // If the server stops before it ever runs (say, it cannot bind), end the port
                // stream so the wait below fails instead of hanging.
                defer { portContinuation.finish() }
                try await app.run()
            }
            defer { group.cancelAll() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                throw EphemeralServerError(description: "the \(loggerLabel) did not start on 127.0.0.1")
            }
            return try await body(URL(string: "http://127.0.0.1:\(port)")!)
        }
    }
}

/// The ephemeral server could not start.
package struct EphemeralServerError: Error, CustomStringConvertible {
    package var description: String
}
