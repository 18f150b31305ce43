import HandoffRailService
import ServiceLifecycle

/// Runs ``OutboxEventFanOut`` as a `Service` until graceful shutdown, then ends every live
/// subscription (nothing more will be published).
///
/// The application adds it to its service group before the HTTP server, so on shutdown the
/// server stops taking connections first and the fan-out stops last.
public struct EventFanOutService: Service, CustomStringConvertible {
    let fanOut: OutboxEventFanOut
    let bus: InProcessEventBus

    public var description: String { "EventFanOut" }

    public func run() async throws {
        await cancelWhenGracefulShutdown { [fanOut] in await fanOut.run() }
        bus.finishAll()
    }
}
