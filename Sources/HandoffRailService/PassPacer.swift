/// Spaces the passes of a background loop at least `minimumGap` apart.
///
/// The event fan-out and the webhook dispatcher wake on every announced commit. Under load
/// (hundreds of commits a second) that would be one database read per commit for each of them,
/// taken from the same readers the API uses; measured, it cost the lifecycle benchmark about
/// a tenth of its throughput. Spacing the passes turns a burst of commits into one read per
/// gap, each picking up everything committed meanwhile, for at most `minimumGap` of latency.
///
/// ```swift
/// var pacer = PassPacer(minimumGap: .milliseconds(5))
/// while !Task.isCancelled {
///     pacer.passStarted()
///     try await publishNewRows()
///     await signal.wait(past: seen)
///     await pacer.waitForGap()
/// }
/// ```
struct PassPacer: Sendable {
    /// The least time from the start of one pass to the start of the next.
    let minimumGap: Duration
    private var lastPassStart: ContinuousClock.Instant?

    init(minimumGap: Duration) {
        self.minimumGap = minimumGap
    }

    /// Notes that a pass begins now.
    mutating func passStarted() {
        lastPassStart = ContinuousClock.now
    }

    /// Sleeps until `minimumGap` after the last pass began (at once when that is past, or the
    /// task is cancelled).
    func waitForGap() async {
        guard let lastPassStart else { return }
        let next = lastPassStart.advanced(by: minimumGap)
        if next > ContinuousClock.now {
            try? await Task.sleep(until: next, clock: .continuous)
        }
    }
}
