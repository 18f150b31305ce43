import Foundation

extension Date {
    /// The instant `microseconds` after 1970-01-01T00:00:00Z, built exactly as the RFC 3339
    /// parser builds it from six fractional digits.
    ///
    /// A `Double` near 2026 holds about 0.2 µs of precision, so two computations of "the same"
    /// microsecond can differ in the last bit and compare unequal. Building every whole-µs date
    /// this one way — the server's clock, database columns, decoded JSON — keeps them equal:
    ///
    /// ```swift
    /// let date = Date(microsecondsSince1970: 1_795_000_000_123_456)
    /// RFC3339.parseDateTime(RFC3339.format(date)) == date   // true
    /// ```
    public init(microsecondsSince1970 microseconds: Int64) {
        let sinceReference = microseconds - 978_307_200_000_000
        let (seconds, micro) = sinceReference.quotientAndRemainder(dividingBy: 1_000_000)
        let (wholeSeconds, fraction) = micro < 0 ? (seconds - 1, micro + 1_000_000) : (seconds, micro)
        self.init(timeIntervalSinceReferenceDate: Double(wholeSeconds) + Double(fraction) / 1_000_000)
    }

    /// Whole microseconds since 1970, rounded to the nearest (ties to even), as RFC 3339
    /// formatting rounds.
    public var microsecondsSince1970: Int64 {
        Int64((timeIntervalSinceReferenceDate * 1_000_000).rounded(.toNearestOrEven)) + 978_307_200_000_000
    }
}
