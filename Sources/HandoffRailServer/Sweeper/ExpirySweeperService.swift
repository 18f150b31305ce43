import HandoffRailService
import Logging
import ServiceLifecycle

/// The expiry sweeper (``ExpirySweeper``) as a `Service`: sweeps every `interval` until
/// graceful shutdown, finishing the sweep in progress.
///
/// ```swift
/// let sweeper = ExpirySweeperService(service: service, configuration: ExpirySweeperConfiguration())
/// ```
public struct ExpirySweeperService: Service, CustomStringConvertible {
    private let sweeper: ExpirySweeper

    public init(service: HandoffRailService, configuration: ExpirySweeperConfiguration, logger: Logger = Logger(label: "handoffrail.sweeper")) {
        self.sweeper = ExpirySweeper(service: service, configuration: configuration, logger: logger)
    }

    public var description: String { "ExpirySweeper" }

    public func run() async throws {
        let stop = StopSignal()
        await withGracefulShutdownHandler {
            await sweeper.run(until: stop)
        } onGracefulShutdown: {
            stop.stop()
        }
    }
}
