import Foundation
import HandoffRailModels
import HandoffRailService
import HandoffRailStorage
import Hummingbird
import Logging
import ServiceLifecycle

/// One SSE connection, from the `connected` frame to the end of the stream.
///
/// In order: the tenant connection slot is taken; the subscription is opened (so nothing
/// committed from now on is missed); `event: connected`; with `Last-Event-ID`, the tenant's
/// missed events from the outbox (bounded by the replay window); then live events, each with
/// `id: <outbox sequence>`, skipping those the replay already sent, and `event: ping` every
/// heartbeat interval. A consumer that falls `bufferLimit` items behind gets a final
/// `event: error` with `{"type":"error","reason":"slow_consumer",…}` and the stream ends;
/// graceful shutdown ends it too. Everything runs inside the request's task.
struct ServerSentEventSession: Sendable {
    let streaming: EventStreaming
    let caller: APICaller
    let parameters: EventStreamParameters
    let logger: Logger

    func run(writer: inout any ResponseBodyWriter) async throws {
        let served: Void? = try await streaming.connections.withConnection(
            tenantID: caller.tenantID, transport: .serverSentEvents, limit: streaming.connectionLimit(for: caller)
        ) {
            let request = EventSubscriptionRequest(
                tenantID: caller.tenantID, filter: parameters.filter, bufferLimit: streaming.configuration.bufferLimit)
            try await streaming.bus.withSubscription(request) { subscription in
                try await withGracefulShutdownHandler {
                    try await stream(subscription, to: &writer)
                } onGracefulShutdown: {
                    subscription.finish()
                }
            }
        }
        if served == nil {
            // Another connection took the last slot after the 200 was decided.
            let detail = "Too many live-event connections for this tenant"
            try await writer.write(ServerSentEventFrame(control: "error", payload: EventControlMessage.error(reason: "connection_limit", detail: detail)).bytes)
        }
        try await writer.finish(nil)
    }

    private func stream(_ subscription: EventSubscription, to writer: inout any ResponseBodyWriter) async throws {
        // `connected` promises that every later commit arrives: wait until the fan-out tails.
        await streaming.bus.waitUntilLive()
        let replay = try await replayIfAsked(filter: subscription.filter)
        try await writer.write(connectedFrame(subscription.filter, replay: replay).bytes)
        for event in replay?.events ?? [] {
            try await writer.write(try ServerSentEventFrame(event: event).bytes)
        }
        let alreadySent = replay?.lastSequence ?? 0
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [interval = streaming.configuration.heartbeatInterval, clock = streaming.clock] in
                while true {
                    try await Task.sleep(for: interval)
                    subscription.enqueueControl(type: "ping", payload: EventControlMessage.ping(now: clock.now()))
                }
            }
            defer { group.cancelAll() }
            do {
                for try await item in subscription.items {
                    if subscription.isOverflowed { throw EventStreamError.slowConsumer(bufferLimit: streaming.configuration.bufferLimit) }
                    switch item {
                    case .event(let event) where event.sequence > alreadySent:
                        try await writer.write(try ServerSentEventFrame(event: event).bytes)
                    case .event:
                        continue
                    case .control(let type, let payload):
                        try await writer.write(ServerSentEventFrame(control: type, payload: payload).bytes)
                    }
                }
            } catch let error as EventStreamError {
                logger.notice("Dropping a slow SSE consumer", metadata: ["tenant": "\(caller.tenantID)", "reason": "\(error.reason)"])
                let payload = EventControlMessage.error(reason: error.reason, detail: error.description)
                try await writer.write(ServerSentEventFrame(control: "error", payload: payload).bytes)
            }
        }
    }

    /// The missed events, when the client sent a usable `Last-Event-ID`.
    private func replayIfAsked(filter: EventChannelFilter) async throws -> EventReplay? {
        guard let lastEventID = parameters.lastEventID else { return nil }
        return try await streaming.configuration.replay.replay(
            from: streaming.store, tenantID: caller.tenantID, after: lastEventID, filter: filter, now: streaming.clock.now())
    }

    /// `{"type":"connected","subscriptions":[…]}`, plus what a replay sent when there was one.
    private func connectedFrame(_ filter: EventChannelFilter, replay: EventReplay?) -> ServerSentEventFrame {
        var payload: [String: JSONValue] = ["type": "connected", "subscriptions": .array(filter.names.map { .string($0) })]
        if let replay, let lastEventID = parameters.lastEventID {
            payload["replay"] = [
                "after": .string(String(lastEventID)),
                "events": .integer(replay.events.count),
                "complete": .bool(replay.isComplete),
            ]
        }
        return ServerSentEventFrame(control: "connected", payload: .object(payload))
    }
}
