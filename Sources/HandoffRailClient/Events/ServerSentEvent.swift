import Foundation

/// One Server-Sent Events frame as the WHATWG EventSource algorithm dispatches it: the
/// `event:` type, the joined `data:` lines and the last event id in force.
///
/// HandoffRail streams decode these into ``HandoffRailEvent``s; the raw frame is surfaced
/// only for frames this SDK version does not know (``EventStreamMessage/unrecognized(_:)``),
/// so a newer server's additions never break an older client.
///
/// ```swift
/// for try await message in client.eventMessages() {
///     if case .unrecognized(let frame) = message { print("new frame kind:", frame.type) }
/// }
/// ```
public struct ServerSentEvent: Sendable, Hashable {
    /// The `event:` field, or `"message"` when the frame had none.
    public var type: String
    /// The `data:` lines joined with `\n` (no trailing newline).
    public var data: String
    /// The last event id seen on the stream when this frame was dispatched (`id:` of this
    /// frame or an earlier one); `nil` when the server never sent one.
    public var id: String?

    /// A frame of `type` carrying `data`.
    public init(type: String = "message", data: String, id: String? = nil) {
        self.type = type
        self.data = data
        self.id = id
    }
}
