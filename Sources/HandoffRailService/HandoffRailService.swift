import Foundation
import HandoffRailModels
import HandoffRailStorage
import Logging

/// The HandoffRail service: the business logic behind the generated `HandoffRailAPI`.
///
/// It knows nothing of HTTP or of a particular database: requests arrive as generated
/// operation inputs, the authenticated caller (tenant, key, role, tier) as a parameter, and
/// everything persistent goes through a ``HandoffRailStore``. Tests call it directly.
///
/// ```swift
/// let service = HandoffRailService(store: try SQLiteStore(path: "handoffrail.sqlite"))
/// let output = try await service.createPacket(.init(body: create), caller: caller)
/// ```
///
/// Failures that are not typed outputs are thrown as ``ServiceError`` (status, detail, code).
public struct HandoffRailService: HandoffRailAPI {
    /// Where everything persistent lives.
    public let store: any HandoffRailStore
    /// Limits and operator settings.
    public let configuration: ServiceConfiguration
    /// Facts of the hosting process (metrics text, connection counts …).
    public let probes: SystemProbes
    /// "Now", to the microsecond.
    public let clock: ServiceClock
    /// Where the business metrics go (the bootstrapped swift-metrics factory by default).
    public let metrics: ServiceMetrics
    let logger: Logger
    /// Per-process caches (agent ids per tenant); shared by copies of the service.
    let knownAgents = KnownAgents()
    /// Per-process cache of the tenants' handoff rules, invalidated by this process's rule writes.
    let ruleCache = RuleCache<RuleEvaluator>()
    /// Announced after every commit that wrote outbox rows (wakes the live-event fan-out).
    public let commitSignal: CommitSignal

    public init(
        store: any HandoffRailStore,
        configuration: ServiceConfiguration = ServiceConfiguration(),
        probes: SystemProbes = SystemProbes(),
        clock: ServiceClock = .system,
        logger: Logger = Logger(label: "handoffrail.service"),
        commitSignal: CommitSignal = CommitSignal(),
        metrics: ServiceMetrics = ServiceMetrics()
    ) {
        self.metrics = metrics
        self.commitSignal = commitSignal
        self.store = store
        self.configuration = configuration
        self.probes = probes
        self.clock = clock
        self.logger = logger
    }
}
