import Foundation

/// An incremental `text/event-stream` parser following the WHATWG EventSource rules
/// (HTML Living Standard, "Parsing an event stream").
///
/// Network chunks split frames anywhere — inside a field, between the CR and LF of a line
/// end, inside a multi-byte UTF-8 character — so the parser keeps the unfinished line
/// across ``parse(_:)`` calls and only decodes complete lines. What it implements:
/// lines end with CRLF, LF or CR; a leading UTF-8 BOM is dropped; `:` lines are comments;
/// `field: value` loses one leading space of the value; `event`, `data` (repeated lines
/// join with `\n`), `id` (ignored when it contains NUL; persists across frames and is what
/// a reconnect sends as `Last-Event-ID`) and `retry` (only ASCII digits; the reconnection
/// delay, capped at a day); a blank line dispatches, frames without data are dropped, and
/// a frame cut off by the end of the stream is discarded.
///
/// ```swift
/// var parser = ServerSentEventParser()
/// let events = parser.parse(Array("event: ping\ndata: {}\n\n".utf8))
/// // [ServerSentEvent(type: "ping", data: "{}", id: nil)]
/// ```
struct ServerSentEventParser: Sendable {
    /// The last event id buffer; seed it with the id a reconnect resumes from.
    private(set) var lastEventID: String?
    /// The latest valid `retry:` value: how long to wait before reconnecting.
    private(set) var reconnectionDelay: Duration?

    private var line: [UInt8] = []
    private var previousByteWasCR = false
    private var atStreamStart = true
    private var eventType = ""
    private var data = ""
    private var hasData = false

    /// `retry:` values above a day (in milliseconds) are read as a day.
    static let longestReconnectionDelay: Int64 = 86_400_000

    /// A parser for a new connection; `lastEventID` carries over from the previous one.
    init(lastEventID: String? = nil) {
        self.lastEventID = lastEventID
    }

    /// Feeds the next chunk of the body and returns the frames it completed, in order.
    mutating func parse(_ chunk: some Sequence<UInt8>) -> [ServerSentEvent] {
        var dispatched: [ServerSentEvent] = []
        for byte in chunk {
            switch byte {
            case UInt8(ascii: "\n") where previousByteWasCR:
                previousByteWasCR = false  // the LF of a CRLF already ended the line
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                previousByteWasCR = byte == UInt8(ascii: "\r")
                if let event = endLine() { dispatched.append(event) }
            default:
                previousByteWasCR = false
                line.append(byte)
            }
        }
        return dispatched
    }

    /// Processes one complete line; returns the frame a blank line dispatches.
    private mutating func endLine() -> ServerSentEvent? {
        var text = String(decoding: line, as: UTF8.self)
        line.removeAll(keepingCapacity: true)
        if atStreamStart {
            atStreamStart = false
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        }
        if text.isEmpty { return dispatch() }
        if text.hasPrefix(":") { return nil }
        let field: Substring
        var value: Substring
        if let colon = text.firstIndex(of: ":") {
            field = text[..<colon]
            value = text[text.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        } else {
            field = text[...]
            value = ""
        }
        process(field: field, value: value)
        return nil
    }

    private mutating func process(field: Substring, value: Substring) {
        switch field {
        case "event":
            eventType = String(value)
        case "data":
            if hasData { data.append("\n") }
            data.append(contentsOf: value)
            hasData = true
        case "id" where !value.contains("\u{0}"):
            lastEventID = String(value)
        case "retry":
            if !value.isEmpty, value.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                // Digits only, so the conversion fails only on overflow; a day is plenty.
                reconnectionDelay = .milliseconds(min(Int64(value) ?? Int64.max, Self.longestReconnectionDelay))
            }
        default:
            break  // unknown fields are ignored
        }
    }

    /// Dispatches the buffered frame (if it has data) and resets the per-frame buffers.
    private mutating func dispatch() -> ServerSentEvent? {
        defer {
            eventType = ""
            data = ""
            hasData = false
        }
        guard hasData else { return nil }
        let id = lastEventID.flatMap { $0.isEmpty ? nil : $0 }
        return ServerSentEvent(type: eventType.isEmpty ? "message" : eventType, data: data, id: id)
    }
}
