import Foundation
import Testing
@testable import HandoffRailModels

@Suite("RFC 3339")
struct RFC3339Tests {
    @Test("format matches pydantic", arguments: [
        (1_795_169_730.123456, "2026-11-20T10:15:30.123456Z"),
        (1_795_169_730, "2026-11-20T10:15:30Z"),
        (1_795_169_730.5, "2026-11-20T10:15:30.500000Z"),
        (0, "1970-01-01T00:00:00Z"),
        (-0.000001, "1969-12-31T23:59:59.999999Z"),
        (951_825_600, "2000-02-29T12:00:00Z"),
        (-62_135_596_800, "0001-01-01T00:00:00Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
    ])
    func format(_ seconds: Double, _ text: String) {
        #expect(RFC3339.format(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test func formatRoundsToNearestMicrosecond() {
        let base = 1_795_169_730.0
        #expect(RFC3339.format(Date(timeIntervalSince1970: base + 0.000_000_4)) == "2026-11-20T10:15:30Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: base + 0.000_000_6)) == "2026-11-20T10:15:30.000001Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: base + 0.999_999_7)) == "2026-11-20T10:15:31Z")
        #expect(RFC3339.format(Date(timeIntervalSince1970: base + 0.123_456_6)) == "2026-11-20T10:15:30.123457Z")
    }

    @Test("parse normalises to UTC", arguments: [
        ("2026-11-20T10:15:30.123456Z", "2026-11-20T10:15:30.123456Z"),
        ("2026-11-20t10:15:30.123456z", "2026-11-20T10:15:30.123456Z"),
        ("2026-11-20T11:15:30.5+01:00", "2026-11-20T10:15:30.500000Z"),
        ("2026-11-20T02:15:30-08:00", "2026-11-20T10:15:30Z"),
        ("2026-11-20T10:15:30.123456789Z", "2026-11-20T10:15:30.123457Z"),
        ("2026-11-20T10:15:30.000000Z", "2026-11-20T10:15:30Z"),
        ("2026-01-01T00:30:00+01:00", "2025-12-31T23:30:00Z"),
        ("1985-04-12T00:59:59.999999999999999Z", "1985-04-12T01:00:00Z"),
        ("1998-12-31T23:59:60Z", "1999-01-01T00:00:00Z"),
        ("1998-12-31T15:59:60.123-08:00", "1999-01-01T00:00:00.123000Z"),
    ])
    func parse(_ text: String, _ normalised: String) throws {
        let date = try #require(RFC3339.parseDateTime(text))
        #expect(RFC3339.format(date) == normalised)
    }

    @Test("parse rejects", arguments: [
        "", "2026-11-20", "2026-11-20T10:15:30", "2026-11-20 10:15:30Z", "2026-11-20T10:15Z", "2026-11-20T10:15:30.Z",
        "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z",
        "2026-11-20T24:00:00Z", "2026-11-20T10:60:00Z", "2026-11-20T10:15:61Z", "2026-11-20T10:15:60Z",
        "1998-12-31T23:58:60Z", "2026-11-20T10:15:30+24:00", "2026-11-20T10:15:30+01:60", "2026-11-20T10:15:30+01",
        "2026-11-20T10:15:30+0100", "2026-11-20T10:15:30Z ", " 2026-11-20T10:15:30Z", "+2026-11-20T10:15:30Z",
        "26-11-20T10:15:30Z", "2026-1-20T10:15:30Z", "2026-11-20T10:15:30.123+01:00Z", "2026-11-2٠T10:15:30Z",
    ])
    func rejects(_ text: String) {
        #expect(RFC3339.parseDateTime(text) == nil)
    }

    @Test("format(parse(s)) == s for microsecond strings", arguments: [
        "2026-11-20T10:15:30.123456Z", "2026-11-20T10:15:30Z", "2000-02-29T23:59:59.999999Z", "1970-01-01T00:00:00.000001Z",
        "1969-07-20T20:17:40.500000Z", "2038-01-19T03:14:08Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
        "2130-06-30T12:00:00.000001Z",
    ])
    func stringRoundTrip(_ text: String) throws {
        #expect(RFC3339.format(try #require(RFC3339.parseDateTime(text))) == text)
    }

    /// `Date` is a `Double` of seconds since 2001, so microseconds are exact within about ±136 years of 2001.
    @Test func randomRoundTrips() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let micros = Int64.random(in: -2_000_000_000_000_000...4_000_000_000_000_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
            let text = RFC3339.format(date)
            let parsed = try #require(RFC3339.parseDateTime(text))
            #expect(abs(parsed.timeIntervalSince(date)) < 0.000_001)  // parse(format(d)) == d at microsecond precision
            #expect(RFC3339.format(parsed) == text)                    // format(parse(s)) == s
        }
    }

    @Test("full-date", arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2000-02-29", true), ("1900-02-29", false), ("0001-01-01", true),
        ("2024-04-31", false), ("2024-12-31", true), ("2024-1-01", false), ("2024-01-01T00:00:00Z", false), ("", false),
    ])
    func fullDate(_ text: String, _ valid: Bool) {
        #expect(RFC3339.isValidFullDate(text) == valid)
    }

    @Test func failureReasonsReadLikePydantic() {
        #expect(RFC3339.dateTimeFailure("x") == "input is too short")
        #expect(RFC3339.dateTimeFailure("2020-13-01T00:00:00Z") == "month value is outside expected range of 1-12")
        #expect(RFC3339.dateTimeFailure("2020-02-30T00:00:00Z") == "day value is outside expected range")
        #expect(RFC3339.dateTimeFailure("2020-01-01T00:00:00") == "timezone offset is required by RFC 3339")
        #expect(RFC3339.dateTimeFailure("2020-01-01 00:00:00Z") == "invalid datetime separator, expected `T` or `t`")
        #expect(RFC3339.fullDateFailure("2020-01-01Z") == "unexpected extra characters at the end of the input")
    }
}
