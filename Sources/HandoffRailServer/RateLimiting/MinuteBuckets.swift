/// Request counts of the last 60 minutes, one bucket per clock minute: a sliding hour at
/// one-minute granularity in constant memory (60 counters however high the limit).
struct MinuteBuckets: Sendable {
    private var minutes = [Int](repeating: -1, count: 60)
    private var counts = [Int](repeating: 0, count: 60)

    private static func minute(of time: Double) -> Int { Int((time / 60).rounded(.down)) }

    /// Requests in the hour ending at `now`.
    func total(at now: Double) -> Int {
        let current = Self.minute(of: now)
        var sum = 0
        for index in 0..<60 where minutes[index] > current - 60 {
            sum += counts[index]
        }
        return sum
    }

    /// Counts one request at `now`.
    mutating func record(at now: Double) {
        let current = Self.minute(of: now)
        let index = current % 60
        if minutes[index] != current {
            minutes[index] = current
            counts[index] = 0
        }
        counts[index] += 1
    }

    /// Seconds from `now` until the oldest counted minute leaves the hour.
    func secondsUntilOldestExpires(at now: Double) -> Double {
        let current = Self.minute(of: now)
        let oldest = minutes.filter { $0 > current - 60 }.min() ?? current
        return Double((oldest + 60) * 60) - now
    }
}
