import Foundation

/// Exact comparisons between JSON numbers that may be `Int` or `Double`.
///
/// Converting an `Int` to `Double` loses precision above 2^53 (`9007199254740993` would
/// equal `9007199254740992.0`), so mixed comparisons are done without that conversion.
///
/// ```swift
/// JSONNumber.compare(.integer(3), .number(2.5))   // 1
/// ```
package enum JSONNumber {
    /// -1, 0 or 1, or `nil` when either side is not a number.
    package static func compare(_ lhs: JSONValue, _ rhs: JSONValue) -> Int? {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.number(let a), .number(let b)): return a < b ? -1 : (a > b ? 1 : 0)
        case (.integer(let a), .number(let b)): return compare(a, b)
        case (.number(let a), .integer(let b)): return -compare(b, a)
        default: return nil
        }
    }

    /// Exact `Int` versus `Double` ordering.
    package static func compare(_ integer: Int, _ double: Double) -> Int {
        if double >= 9.223372036854775808e18 { return -1 }
        if double < -9.223372036854775808e18 { return 1 }
        let truncated = double.rounded(.towardZero)
        let whole = Int(truncated)
        if integer < whole { return -1 }
        if integer > whole { return 1 }
        let fraction = double - truncated
        return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0)
    }

    /// Whether a JSON number has no fractional part (`1.0` counts, as JSON Schema says).
    package static func isIntegral(_ value: JSONValue) -> Bool {
        switch value {
        case .integer: return true
        case .number(let double): return double.isFinite && double.rounded(.towardZero) == double
        default: return false
        }
    }
}
