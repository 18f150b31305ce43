import Foundation
import HandoffRailClient
import HummingbirdWSClient
import Logging
import NIOCore
import Synchronization

/// One WebSocket connection of a session, from the upgrade until it ends.
///
/// HummingbirdWSClient scopes a connection to a closure; inside it three child tasks run: the
/// writer (the controller's outgoing queue → text messages), the reader (server messages →
/// replies and events) and a watchdog that drops a connection whose synchronisation is not
/// confirmed within ``WebSocketEventOptions/replyTimeout``. The closure returns when the server
/// closes the connection; cancelling the session's task closes it from this side.
struct WebSocketConnectionAttempt: Sendable {
    let endpoint: WebSocketEndpoint
    let options: WebSocketEventOptions
    let controller: WebSocketSessionController

    /// How a connection ended when the session should reconnect.
    enum End: Sendable {
        /// It was up and ended (or never synchronised), for `cause`.
        case ended(cause: HandoffRailError, wasSynchronized: Bool)
        /// The server answered the upgrade request with something else than 101.
        case upgradeRefused
    }

    /// Connects once and serves the connection until it ends. Throws ``WebSocketFatalError``
    /// when the session cannot go on, `CancellationError` when its task was cancelled.
    func run(emit: @escaping @Sendable (WebSocketEventMessage) -> Void) async throws -> End {
        let report = ConnectionReport()
        do {
            let closeFrame = try await WebSocketClient.connect(
                url: endpoint.url, configuration: endpoint.configuration, logger: Self.logger
            ) { [controller] inbound, outbound, _ in
                let (outgoing, queue) = AsyncStream.makeStream(of: String.self)
                let linkID = await controller.attach(queue)
                do {
                    try await serve(linkID, inbound: inbound, outbound: outbound, outgoing: outgoing, report: report, emit: emit)
                } catch {
                    report.markSynchronized(await controller.detach(linkID))
                    throw error
                }
                report.markSynchronized(await controller.detach(linkID))
            }
            if Task.isCancelled { throw CancellationError() }
            return .ended(cause: Self.closedCause(closeFrame, serverReason: report.closingReason), wasSynchronized: report.wasSynchronized)
        } catch let error as WebSocketFatalError {
            throw error
        } catch let error as WebSocketClientError where error == .webSocketUpgradeFailed {
            if Task.isCancelled { throw CancellationError() }
            return .upgradeRefused
        } catch let error as RetryableConnectionError {
            return .ended(cause: error.cause, wasSynchronized: report.wasSynchronized)
        } catch {
            if Task.isCancelled { throw CancellationError() }
            let cause = HandoffRailError.transport(error, operationID: WebSocketSessionController.operationID)
            return .ended(cause: cause, wasSynchronized: report.wasSynchronized)
        }
    }

    private func serve(
        _ linkID: Int, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter,
        outgoing: AsyncStream<String>, report: ConnectionReport,
        emit: @escaping @Sendable (WebSocketEventMessage) -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                for await text in outgoing { try await outbound.writeTextMessage(text) }
                return false
            }
            group.addTask { [controller, timeout = options.replyTimeout] in
                try await Task.sleep(for: timeout)
                guard await controller.isSynchronized(linkID) else {
                    throw RetryableConnectionError(cause: HandoffRailError(
                        kind: .timeout, operationID: WebSocketSessionController.operationID,
                        reason: "the server did not confirm the channels within \(timeout)"))
                }
                return false
            }
            group.addTask { [controller, maxSize = options.maxMessageSize] in
                var isSynchronized = false
                for try await message in inbound.messages(maxSize: maxSize) {
                    let text = switch message {
                    case .text(let text): text
                    case .binary(let buffer): String(buffer: buffer)
                    }
                    switch WebSocketServerMessage(text: text) {
                    case .reply(let reply):
                        switch await controller.receive(reply, on: linkID) {
                        case .synchronized(let channels):
                            isSynchronized = true
                            report.markSynchronized(true)
                            emit(.connected(subscriptions: channels))
                        case .fatal(let error):
                            throw WebSocketFatalError(error: error)
                        case .none:
                            break
                        }
                    case .event(let event):
                        // Before the synchronisation the server's filter is still being set up.
                        if isSynchronized { emit(.event(event)) }
                    case .closing(let reason):
                        report.recordClosingReason(reason)
                    case .unrecognized(let text):
                        if isSynchronized { emit(.unrecognized(text)) }
                    }
                }
                return true
            }
            defer { group.cancelAll() }
            while let readerFinished = try await group.next() {
                if readerFinished { return }
            }
        }
    }

    /// The cause reported when the server closed a connection.
    static func closedCause(_ frame: WebSocketCloseFrame?, serverReason: String?) -> HandoffRailError {
        var reason = "the server closed the WebSocket"
        if let frame {
            reason += " (code \(frame.closeCode)\(frame.reason.map { ", \($0)" } ?? ""))"
        }
        if let serverReason { reason += " after reporting \(serverReason)" }
        return HandoffRailError(kind: .connection, operationID: WebSocketSessionController.operationID, reason: reason)
    }

    /// HummingbirdWSClient logs only connection details; the session reports its errors itself.
    private static let logger = Logger(label: "handoffrail.websocket-events") { _ in SwiftLogNoOpLogHandler() }
}

/// The session must end with `error` (e.g. the server refused an initial channel).
struct WebSocketFatalError: Error {
    var error: HandoffRailError
}

/// The connection is unusable and should be re-established, for `cause`.
struct RetryableConnectionError: Error {
    var cause: HandoffRailError
}

/// What the reader learnt about its connection, read after the connection ended.
final class ConnectionReport: Sendable {
    private let state = Mutex<(synchronized: Bool, closingReason: String?)>((false, nil))

    var wasSynchronized: Bool { state.withLock { $0.synchronized } }
    var closingReason: String? { state.withLock { $0.closingReason } }

    func markSynchronized(_ synchronized: Bool) {
        state.withLock { $0.synchronized = $0.synchronized || synchronized }
    }

    func recordClosingReason(_ reason: String) {
        state.withLock { $0.closingReason = reason }
    }
}
