import Foundation

/// RFC 3339 timestamps, parsed strictly and formatted exactly as pydantic serialises them.
///
/// The API talks to Python services that emit and expect pydantic's UTC form
/// (`2026-11-20T10:15:30.123456Z`, no fraction when the microseconds are zero), so
/// `format` reproduces it byte for byte, and `parseDateTime` accepts everything RFC 3339
/// allows (`Z`/`z`, `±hh:mm`, `T`/`t`, any number of fractional digits) while rejecting
/// what it does not (missing offset, impossible calendar dates, ISO 8601 variants).
///
/// ```swift
/// let date = RFC3339.parseDateTime("2026-11-20T11:15:30.5+01:00")!
/// RFC3339.format(date)   // "2026-11-20T10:15:30.500000Z"
/// ```
public enum RFC3339 {
    /// Parses an RFC 3339 `date-time`, or returns `nil` if `text` is not one.
    ///
    /// A leap second (`:60`) is accepted only where it can occur, at 23:59:60 UTC (after
    /// applying the offset), as the JSON Schema `date-time` format requires; the returned
    /// instant is then the following second (`Date` has no leap seconds), like POSIX time.
    ///
    /// ```swift
    /// RFC3339.parseDateTime("1998-12-31T23:59:60Z")   // 1999-01-01T00:00:00Z
    /// RFC3339.parseDateTime("2026-02-30T00:00:00Z")   // nil
    /// ```
    public static func parseDateTime(_ text: String) -> Date? {
        guard case .success(let parts) = scanDateTime(text) else { return nil }
        return parts.date
    }

    /// Formats `date` in UTC with microsecond precision, the way pydantic serialises `datetime`.
    ///
    /// The instant is rounded to the nearest microsecond (ties to even, as Python does);
    /// six fractional digits are written unless the microseconds are zero, in which case
    /// the fraction is omitted entirely. (`Date` is a `Double` of seconds since 2001, so it
    /// holds whole microseconds exactly only within about ±136 years of 2001.)
    ///
    /// ```swift
    /// RFC3339.format(Date(timeIntervalSince1970: 0))        // "1970-01-01T00:00:00Z"
    /// RFC3339.format(Date(timeIntervalSince1970: 0.25))     // "1970-01-01T00:00:00.250000Z"
    /// ```
    public static func format(_ date: Date) -> String {
        let micros = (date.timeIntervalSinceReferenceDate * 1_000_000).rounded(.toNearestOrEven)
        let clamped = min(max(micros, -9.0e18), 9.0e18)
        let total = Int64(clamped) + 978_307_200_000_000
        let seconds = floorDivide(total, 1_000_000)
        let microsecond = Int(total - seconds * 1_000_000)
        let days = floorDivide(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civilDate(fromDays: Int(days))
        var text = ""
        text.reserveCapacity(27)
        if year < 0 { text.append("-") }
        appendPadded(abs(year), width: 4, to: &text)
        text.append("-")
        appendPadded(month, width: 2, to: &text)
        text.append("-")
        appendPadded(day, width: 2, to: &text)
        text.append("T")
        appendPadded(secondOfDay / 3600, width: 2, to: &text)
        text.append(":")
        appendPadded(secondOfDay / 60 % 60, width: 2, to: &text)
        text.append(":")
        appendPadded(secondOfDay % 60, width: 2, to: &text)
        if microsecond != 0 {
            text.append(".")
            appendPadded(microsecond, width: 6, to: &text)
        }
        text.append("Z")
        return text
    }

    /// Whether `text` is an RFC 3339 `full-date` (`YYYY-MM-DD`, a real calendar day).
    ///
    /// ```swift
    /// RFC3339.isValidFullDate("2024-02-29")   // true
    /// RFC3339.isValidFullDate("2023-02-29")   // false
    /// ```
    public static func isValidFullDate(_ text: String) -> Bool {
        fullDateFailure(text) == nil
    }

    // MARK: - Internal, with pydantic/speedate-style failure reasons

    /// The components of a parsed `date-time`.
    struct DateTimeParts {
        var daysSinceEpoch: Int
        var secondOfDay: Int  // may be 86_400 for a leap second
        var fraction: Double
        var offsetSeconds: Int

        var date: Date {
            let whole = daysSinceEpoch * 86_400 + secondOfDay - offsetSeconds - 978_307_200
            return Date(timeIntervalSinceReferenceDate: Double(whole) + fraction)
        }
    }

    /// `nil` when `text` is a valid `date-time`, else a short reason ("month value is outside expected range of 1-12").
    static func dateTimeFailure(_ text: String) -> String? {
        if case .failure(let failure) = scanDateTime(text) { return failure.reason }
        return nil
    }

    /// `nil` when `text` is a valid `full-date`, else a short reason.
    static func fullDateFailure(_ text: String) -> String? {
        withBytes(text) { bytes in
            var scanner = Scanner(bytes: bytes)
            do throws(Failure) {
                _ = try scanner.fullDate()
                try scanner.end()
                return nil
            } catch {
                return error.reason
            }
        }
    }

    /// `nil` when `text` is a valid `full-time` (`HH:MM:SS[.frac](Z|±hh:mm)`), else a short reason.
    static func fullTimeFailure(_ text: String) -> String? {
        withBytes(text) { bytes in
            var scanner = Scanner(bytes: bytes)
            do throws(Failure) {
                _ = try scanner.fullTime()
                try scanner.end()
                return nil
            } catch {
                return error.reason
            }
        }
    }

    static func scanDateTime(_ text: String) -> Result<DateTimeParts, Failure> {
        withBytes(text) { bytes in
            var scanner = Scanner(bytes: bytes)
            do throws(Failure) {
                let days = try scanner.fullDate()
                try scanner.dateTimeSeparator()
                let time = try scanner.fullTime()
                try scanner.end()
                return .success(DateTimeParts(
                    daysSinceEpoch: days, secondOfDay: time.secondOfDay,
                    fraction: time.fraction, offsetSeconds: time.offsetSeconds))
            } catch {
                return .failure(error)
            }
        }
    }

    struct Failure: Error {
        var reason: String
    }

    private static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var text = text
        return text.withUTF8(body)
    }

    /// Byte scanner over the ASCII grammar of RFC 3339 section 5.6.
    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func number(_ width: Int, _ field: String) throws(Failure) -> Int {
            guard index + width <= bytes.count else { throw Failure(reason: "input is too short") }
            var value = 0
            for offset in 0..<width {
                let digit = bytes[index + offset] &- UInt8(ascii: "0")
                guard digit < 10 else { throw Failure(reason: "invalid character in \(field)") }
                value = value * 10 + Int(digit)
            }
            index += width
            return value
        }

        mutating func expect(_ byte: UInt8, _ reason: String) throws(Failure) {
            guard index < bytes.count else { throw Failure(reason: "input is too short") }
            guard bytes[index] == byte else { throw Failure(reason: reason) }
            index += 1
        }

        /// `YYYY-MM-DD`; returns days since 1970-01-01.
        mutating func fullDate() throws(Failure) -> Int {
            let year = try number(4, "year")
            try expect(UInt8(ascii: "-"), "invalid date separator, expected `-`")
            let month = try number(2, "month")
            try expect(UInt8(ascii: "-"), "invalid date separator, expected `-`")
            let day = try number(2, "day")
            guard (1...12).contains(month) else { throw Failure(reason: "month value is outside expected range of 1-12") }
            guard day >= 1, day <= RFC3339.daysInMonth(year: year, month: month) else {
                throw Failure(reason: "day value is outside expected range")
            }
            return RFC3339.daysSinceEpoch(year: year, month: month, day: day)
        }

        mutating func dateTimeSeparator() throws(Failure) {
            guard index < bytes.count else { throw Failure(reason: "input is too short") }
            guard bytes[index] | 0x20 == UInt8(ascii: "t") else {
                throw Failure(reason: "invalid datetime separator, expected `T` or `t`")
            }
            index += 1
        }

        /// `HH:MM:SS[.frac](Z|±hh:mm)`; a leap second must fall on 23:59:60 UTC.
        mutating func fullTime() throws(Failure) -> (secondOfDay: Int, fraction: Double, offsetSeconds: Int) {
            let hour = try number(2, "hour")
            try expect(UInt8(ascii: ":"), "invalid time separator, expected `:`")
            let minute = try number(2, "minute")
            try expect(UInt8(ascii: ":"), "invalid time separator, expected `:`")
            let second = try number(2, "second")
            guard hour <= 23 else { throw Failure(reason: "hour value is outside expected range of 0-23") }
            guard minute <= 59 else { throw Failure(reason: "minute value is outside expected range of 0-59") }
            guard second <= 60 else { throw Failure(reason: "second value is outside expected range of 0-59") }
            var fraction = 0.0
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                var digits = 0
                var scale = 1.0
                var value = 0.0
                while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
                    if digits < 17 {
                        value = value * 10 + Double(bytes[index] - UInt8(ascii: "0"))
                        scale *= 10
                    }
                    digits += 1
                    index += 1
                }
                guard digits > 0 else { throw Failure(reason: "invalid character in second fraction") }
                fraction = value / scale
            }
            guard index < bytes.count else { throw Failure(reason: "timezone offset is required by RFC 3339") }
            var offset = 0
            switch bytes[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                index += 1
                let offsetHour = try number(2, "timezone offset")
                try expect(UInt8(ascii: ":"), "invalid timezone offset, expected `±hh:mm`")
                let offsetMinute = try number(2, "timezone offset")
                guard offsetHour <= 23 else { throw Failure(reason: "timezone offset must be less than 24 hours") }
                guard offsetMinute <= 59 else {
                    throw Failure(reason: "timezone offset minute value is outside expected range of 0-59")
                }
                offset = sign * (offsetHour * 3600 + offsetMinute * 60)
            default:
                throw Failure(reason: "invalid timezone sign")
            }
            if second == 60 {
                let utcMinute = ((hour * 60 + minute - offset / 60) % 1440 + 1440) % 1440
                guard utcMinute == 23 * 60 + 59 else {
                    throw Failure(reason: "second value is outside expected range of 0-59")
                }
            }
            return (hour * 3600 + minute * 60 + second, fraction, offset)
        }

        func end() throws(Failure) {
            guard index == bytes.count else { throw Failure(reason: "unexpected extra characters at the end of the input") }
        }
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian, no Foundation.Calendar needed)

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 (H. Hinnant's `days_from_civil`).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Inverse of `daysSinceEpoch` (H. Hinnant's `civil_from_days`).
    static func civilDate(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    private static func appendPadded(_ value: Int, width: Int, to text: inout String) {
        let digits = String(value)
        if digits.count < width { text.append(String(repeating: "0", count: width - digits.count)) }
        text.append(digits)
    }
}
