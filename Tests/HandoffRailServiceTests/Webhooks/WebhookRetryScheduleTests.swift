import Foundation
import HandoffRailService
import Testing

@Suite("Webhook retry schedule and duration settings")
struct WebhookRetryScheduleTests {
    @Test("the standard schedule: 1 s, 5 s, 30 s, 5 min, 1 h, 6 h, then dead letter")
    func standard() {
        let now = Date(timeIntervalSince1970: 1_000)
        let expected: [TimeInterval] = [1, 5, 30, 300, 3_600, 21_600]
        for (index, delay) in expected.enumerated() {
            #expect(WebhookRetrySchedule.standard.next(afterFailedAttempt: index + 1, at: now) == .retry(at: now + delay))
        }
        #expect(WebhookRetrySchedule.standard.next(afterFailedAttempt: 7, at: now) == .deadLetter)
        #expect(WebhookRetrySchedule(delays: []).next(afterFailedAttempt: 1, at: now) == .deadLetter)
    }

    @Test("a schedule parses from durations and prints back")
    func parsing() throws {
        let schedule = try WebhookRetrySchedule(parsing: "1s, 5s,30s,5m,1h,6h")
        #expect(schedule == .standard)
        #expect(try WebhookRetrySchedule(parsing: "100ms,0.5,2").delays == [0.1, 0.5, 2])
        #expect(try WebhookRetrySchedule(parsing: "").delays.isEmpty)
        #expect(throws: DurationParseError.self) { try WebhookRetrySchedule(parsing: "1s,soon") }
        #expect(try WebhookRetrySchedule(parsing: WebhookRetrySchedule.standard.description) == .standard)
    }

    @Test("durations", arguments: [("30", 30.0), ("0.25", 0.25), ("500ms", 0.5), ("5m", 300), ("2h", 7_200), ("7d", 604_800)])
    func durations(text: String, seconds: Double) throws {
        #expect(try DurationText.seconds(text) == seconds)
        #expect(try DurationText.seconds(DurationText.format(seconds)) == seconds)
    }

    @Test("bad durations", arguments: ["", "-1", "5 minutes", "1w", "nan", "ms"])
    func badDurations(text: String) {
        #expect(throws: DurationParseError.self) { try DurationText.seconds(text) }
    }
}
