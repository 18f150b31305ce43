import Foundation
import HandoffRailModels
import Testing

@Suite("Date(microsecondsSince1970:)")
struct DateMicrosecondsTests {
    @Test("whole-µs dates equal what RFC 3339 parses back, and convert back to the same µs")
    func canonical() {
        var generator = SystemRandomNumberGenerator()
        let values: [Int64] = [0, 1, -1, 999_999, 1_000_000, 978_307_200_000_000, -978_307_200_000_001]
            + (0..<2_000).map { _ in Int64.random(in: 0...4_102_444_800_000_000, using: &generator) }
        for micros in values {
            let date = Date(microsecondsSince1970: micros)
            #expect(date.microsecondsSince1970 == micros)
            #expect(RFC3339.parseDateTime(RFC3339.format(date)) == date, "\(micros)")
        }
    }
}
