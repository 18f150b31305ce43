import Foundation

/// A one-line progress bar on stderr, redrawn in place at most ten times a second; only
/// drawn when stderr is a terminal (never into logs or pipes).
///
/// ```
/// [██████████░░░░░░░░░░]  52%  520 lines  517 created  3 rejected
/// ```
struct ProgressBar {
    private let enabled: Bool
    private let style: TextStyle
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// A bar that draws only when `enabled`.
    init(enabled: Bool, style: TextStyle) {
        self.enabled = enabled
        self.style = style
    }

    /// Redraws with the current counts; `fraction` is nil when the total is unknown (stdin).
    mutating func update(fraction: Double?, lines: Int, created: Int, rejected: Int, force: Bool = false) {
        guard enabled else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        var text = "\r"
        if let fraction {
            let clamped = min(max(fraction, 0), 1)
            let width = 20
            let filled = Int((clamped * Double(width)).rounded(.down))
            text += "[" + style.apply(.green, to: String(repeating: "█", count: filled))
                + String(repeating: "░", count: width - filled) + "] "
            text += String(format: "%3d%%  ", Int((clamped * 100).rounded(.down)))
        }
        text += "\(lines) lines  \(created) created"
        text += "  " + (rejected > 0 ? style.apply(.red, to: "\(rejected) rejected") : "0 rejected")
        text += "\u{1B}[K"
        FileHandle.standardError.write(Data(text.utf8))
        drawn = true
    }

    /// Ends the bar's line so what follows starts on a fresh one.
    mutating func finish() {
        guard enabled, drawn else { return }
        FileHandle.standardError.write(Data("\n".utf8))
        drawn = false
    }
}
