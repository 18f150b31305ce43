import Foundation

/// Durations as operators write them in settings: a number of seconds (`"30"`, `"0.25"`) or a
/// number with a unit — `ms`, `s`, `m`, `h`, `d` (`"500ms"`, `"5m"`, `"7d"`).
///
/// ```swift
/// try DurationText.seconds("5m")    // 300
/// DurationText.format(90)           // "90s"
/// DurationText.format(300)          // "5m"
/// ```
public enum DurationText {
    /// The duration `text` spells, in seconds (never negative).
    public static func seconds(_ text: String) throws(DurationParseError) -> TimeInterval {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400)]
        for unit in units where trimmed.hasSuffix(unit.suffix) {
            if let number = Double(trimmed.dropLast(unit.suffix.count)), number.isFinite, number >= 0 {
                return number * unit.seconds
            }
        }
        guard let number = Double(trimmed), number.isFinite, number >= 0 else { throw DurationParseError(text: text) }
        return number
    }

    /// A short spelling of `seconds` that ``seconds(_:)`` reads back.
    public static func format(_ seconds: TimeInterval) -> String {
        if seconds < 1, seconds > 0 { return "\(Int((seconds * 1000).rounded()))ms" }
        guard seconds.rounded() == seconds else { return "\(seconds)s" }
        let whole = Int(seconds)
        for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60)] where whole >= size && whole % size == 0 {
            return "\(whole / size)\(unit)"
        }
        return "\(whole)s"
    }
}

/// A setting that is not a duration.
public struct DurationParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text that did not parse (settings values, never secrets).
    public var text: String

    public var description: String {
        "\"\(text)\" is not a duration (seconds, or a number with ms, s, m, h or d)"
    }
}
