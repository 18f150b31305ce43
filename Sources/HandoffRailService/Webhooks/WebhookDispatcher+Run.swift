import Foundation
import Logging

extension WebhookDispatcher {
    /// Works the queue until `stop` is signalled: a pass, then — when the pass left nothing
    /// due — a wait of up to `pollInterval`, cut short by `commitSignal` (a commit that may
    /// have queued deliveries) or by `stop`. The batch in flight when `stop` arrives is
    /// finished and recorded; nothing new is leased after it.
    ///
    /// A database error is logged and the loop carries on after the poll interval (the
    /// deliveries stay in the queue). The `handoffrail_webhook_dlq_size` gauge is refreshed at
    /// start and after every pass that leased something.
    package func run(until stop: StopSignal, commitSignal: CommitSignal? = nil) async {
        do {
            try await refreshDeadLetterGauge()
        } catch {
            logger.warning("Could not read the dead-letter count", metadata: ["error": "\(error)"])
        }
        let pollInterval = Duration.milliseconds(Int64((configuration.pollInterval * 1_000).rounded()))
        // Commits wake the loop; passes at least 50 ms apart keep a burst of commits from
        // costing two queue reads each (deliveries are not latency-critical to the millisecond).
        var pacer = PassPacer(minimumGap: .milliseconds(50))
        while !stop.isStopped, !Task.isCancelled {
            let seen = commitSignal?.generation ?? 0
            pacer.passStarted()
            var leased = 0
            do {
                leased = try await dispatchDueDeliveries()
                // Dead letters come and go (a last failed retry, a replay being leased).
                if leased > 0 { try await refreshDeadLetterGauge() }
            } catch {
                logger.error("Webhook dispatch pass failed", metadata: ["error": "\(error)"])
            }
            if leased >= configuration.batchSize { continue }
            let pause = await pauseBeforeNextPass(atMost: pollInterval)
            if let commitSignal {
                await stop.wait(upTo: pause) { await commitSignal.wait(past: seen) }
            } else {
                await stop.wait(upTo: pause)
            }
            if !stop.isStopped { await pacer.waitForGap() }
        }
    }

    /// Until the next delivery is due (a retry), but at most `maximum`; a failed look-up
    /// waits the whole `maximum`.
    private func pauseBeforeNextPass(atMost maximum: Duration) async -> Duration {
        guard let due = try? await store.nextDeliveryDue() else { return maximum }
        let seconds = due.timeIntervalSince(clock.now())
        guard seconds > 0 else { return .milliseconds(10) }
        return min(maximum, .milliseconds(Int64((seconds * 1_000).rounded(.up))))
    }
}
