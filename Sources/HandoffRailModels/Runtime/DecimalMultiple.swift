import Foundation

/// Exact `multipleOf` for JSON numbers.
///
/// `0.3.truncatingRemainder(dividingBy: 0.1)` is `0.09999999999999998`, so a floating-point
/// remainder says 0.3 is not a multiple of 0.1. JSON numbers are decimal literals, so both
/// operands are turned back into their shortest decimal form (`3e-1`, `1e-1`) and the
/// divisibility of the integer mantissas is checked exactly, with no overflow for huge
/// exponents (`1e308` and `0.123456789`).
///
/// ```swift
/// DecimalMultiple.isMultiple(.number(19.99), of: .number(0.01))   // true
/// ```
enum DecimalMultiple {
    static func isMultiple(_ value: JSONValue, of divisor: JSONValue) -> Bool {
        if case .integer(let a) = value, case .integer(let b) = divisor {
            if b == 0 { return false }
            if b == -1 { return true }
            return a % b == 0
        }
        guard let (m1, e1) = decompose(value), let (m2, e2) = decompose(divisor), m2 != 0 else { return false }
        if m1 == 0 { return true }
        if e1 >= e2 {
            // m1 * 10^(e1 - e2) mod m2 == 0, computed incrementally in 128-bit intermediate precision.
            var remainder = m1 % m2
            var steps = e1 - e2
            while remainder != 0 && steps > 0 {
                let product = remainder.multipliedFullWidth(by: 10)
                remainder = m2.dividingFullWidth(product).remainder
                steps -= 1
            }
            return remainder == 0
        }
        // m1 must be divisible by m2 * 10^(e2 - e1); if that exceeds m1 it cannot divide it.
        var scaled = m2
        for _ in 0..<(e2 - e1) {
            let (next, overflow) = scaled.multipliedReportingOverflow(by: 10)
            if overflow || next > m1 { return false }
            scaled = next
        }
        return m1 % scaled == 0
    }

    /// `|value| = mantissa * 10^exponent` with the mantissa free of trailing zeros (shortest round-trip digits for doubles).
    static func decompose(_ value: JSONValue) -> (UInt64, Int)? {
        switch value {
        case .integer(let integer):
            return stripZeros(UInt64(integer.magnitude), 0)
        case .number(let double):
            guard double.isFinite else { return nil }
            if double == 0 { return (0, 0) }
            return decompose(double)
        default:
            return nil
        }
    }

    private static func decompose(_ double: Double) -> (UInt64, Int)? {
        // `description` is the shortest representation that round-trips, e.g. "1.2345e-07", "100.0".
        let text = double.magnitude.description
        var mantissa: UInt64 = 0
        var exponent = 0
        var afterPoint = false
        var explicitExponent = 0
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard let parsed = Int(text[text.index(after: index)...].replacingOccurrences(of: "+", with: "")) else { return nil }
                explicitExponent = parsed
                break
            } else if byte == UInt8(ascii: ".") {
                afterPoint = true
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
                if afterPoint { exponent -= 1 }
            } else {
                return nil
            }
            index = utf8.index(after: index)
        }
        return stripZeros(mantissa, exponent + explicitExponent)
    }

    private static func stripZeros(_ mantissa: UInt64, _ exponent: Int) -> (UInt64, Int) {
        var mantissa = mantissa
        var exponent = exponent
        while mantissa != 0 && mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        return (mantissa, exponent)
    }
}
