/// ANSI styles for terminal output; ``apply(_:to:)`` leaves the text alone when colour is off.
///
/// ```swift
/// let style = TextStyle(enabled: terminal.colourOnStdout)
/// print(style.apply(.green, to: "completed"))
/// ```
struct TextStyle: Sendable {
    /// One SGR attribute.
    enum Attribute: String, Sendable {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case magenta = "35"
        case cyan = "36"
    }

    /// Whether escape sequences are written at all.
    var enabled: Bool

    /// `text` wrapped in the escape sequence for `attribute`, or `text` unchanged.
    func apply(_ attribute: Attribute, to text: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        return "\u{1B}[\(attribute.rawValue)m\(text)\u{1B}[0m"
    }

    /// The colour of a packet or delivery status, so a column of statuses reads at a glance.
    static func attribute(forStatus status: String) -> Attribute? {
        switch status {
        case "completed", "delivered", "ok", "ready": .green
        case "failed", "dead_letter", "expired": .red
        case "awaiting_human", "pending", "retrying": .yellow
        case "claimed", "in_progress": .cyan
        case "created": .blue
        default: nil
        }
    }
}
