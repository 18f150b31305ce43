import Foundation
import HandoffRailClient
import HandoffRailModels

/// The state a WebSocket event session shares between its connection task and the caller's
/// `subscribe` / `unsubscribe` / `ping`: the channels the session wants, the current
/// connection's outgoing queue, and the replies it still expects.
///
/// The server answers each client message exactly once and in order (one ordered outgoing
/// queue per connection), so replies are matched first-in, first-out. Every connection starts
/// with a synchronisation — one `subscribe` per wanted channel, then a `ping` — and its `pong`
/// is the moment from which every commit reaches the session. Commands issued while no
/// connection is up wait and are sent after the next synchronisation; commands in flight when
/// a connection drops are sent again on the next one.
actor WebSocketSessionController {
    /// The answer a command's caller receives: the time from sending to the server's reply.
    typealias Reply = Result<Duration, HandoffRailError>

    /// The channels the session wants, in the order they were first subscribed.
    private(set) var channels: [EventChannel]
    private var link: Link?
    private var waiting: [Ticket] = []
    private var endError: HandoffRailError?
    private var nextLinkID = 0
    private var nextTicketID = 0

    /// A controller wanting `channels`; one created `endedWith` an error fails every command
    /// with it (a session that could not start).
    init(channels: [EventChannel], endedWith endError: HandoffRailError? = nil) {
        var unique: [EventChannel] = []
        for channel in channels where !unique.contains(channel) { unique.append(channel) }
        self.channels = unique
        self.endError = endError
    }

    // MARK: Commands

    /// Queues `command` on the current connection (or the next one) and returns its ticket
    /// number and where its reply will arrive.
    func submit(_ command: WebSocketCommand) -> (ticket: Int, replies: AsyncStream<Reply>) {
        let (replies, continuation) = AsyncStream.makeStream(of: Reply.self, bufferingPolicy: .bufferingNewest(1))
        nextTicketID += 1
        let ticket = Ticket(id: nextTicketID, command: command, reply: continuation)
        if let endError {
            ticket.answer(.failure(endError))
        } else if link != nil {
            send(ticket)
        } else {
            waiting.append(ticket)
        }
        return (ticket.id, replies)
    }

    /// Drops ticket `id` if it is still waiting for a connection (its caller gave up), so a
    /// timed-out `subscribe` does not take effect later. A command already sent stays sent.
    func withdraw(_ id: Int) {
        waiting.removeAll { $0.id == id }
    }

    // MARK: Connection life

    /// Registers a new connection writing to `outgoing` and queues its synchronisation, then
    /// the commands that were waiting. Returns the connection's id.
    func attach(_ outgoing: AsyncStream<String>.Continuation) -> Int {
        nextLinkID += 1
        link = Link(id: nextLinkID, outgoing: outgoing)
        let snapshot = channels
        for (index, channel) in snapshot.enumerated() {
            enqueue(.subscribe(channel), expecting: .synchronizingSubscribe(channel, index: index))
        }
        enqueue(.ping, expecting: .synchronization(snapshot))
        let queued = waiting
        waiting = []
        for ticket in queued { send(ticket) }
        return nextLinkID
    }

    /// Applies the server's `reply` on connection `linkID` to the oldest message awaiting one.
    func receive(_ reply: WebSocketReply, on linkID: Int) -> ReplyOutcome {
        guard var current = link, current.id == linkID, !current.expected.isEmpty else { return .none }
        let expectation = current.expected.removeFirst()
        defer { link = current }
        switch expectation {
        case .synchronizingSubscribe(let channel, let index):
            guard case .rejected(let detail) = reply else { return .none }
            return .fatal(Self.rejection(of: channel, detail: detail, location: [.key("subscribe"), .index(index)]))
        case .synchronization(let snapshot):
            current.isSynchronized = true
            return .synchronized(snapshot)
        case .command(let ticket, let sentAt):
            switch (reply, ticket.command) {
            case (.rejected(let detail), .subscribe(let channel)):
                channels.removeAll { $0 == channel }
                ticket.answer(.failure(Self.rejection(of: channel, detail: detail, location: [.key("channel")])))
            case (.rejected(let detail), .unsubscribe(let channel)):
                ticket.answer(.failure(Self.rejection(of: channel, detail: detail, location: [.key("channel")])))
            case (.rejected(let detail), .ping):
                ticket.answer(.failure(HandoffRailError(kind: .invalidResponse, operationID: Self.operationID, reason: "the server refused the ping: \(detail)")))
            default:
                ticket.answer(.success(ContinuousClock.now - sentAt))
            }
            return .none
        }
    }

    /// Whether connection `linkID` has completed its synchronisation.
    func isSynchronized(_ linkID: Int) -> Bool {
        link?.id == linkID && link?.isSynchronized == true
    }

    /// Forgets connection `linkID` (it ended): commands still awaiting a reply wait for the
    /// next connection, and a `subscribe` the server had not confirmed no longer counts.
    /// Returns whether the connection had synchronised.
    @discardableResult
    func detach(_ linkID: Int) -> Bool {
        guard let current = link, current.id == linkID else { return false }
        link = nil
        current.outgoing.finish()
        var unanswered: [Ticket] = []
        for case .command(let ticket, _) in current.expected {
            if case .subscribe(let channel) = ticket.command { channels.removeAll { $0 == channel } }
            unanswered.append(ticket)
        }
        waiting = unanswered + waiting
        return current.isSynchronized
    }

    /// Ends the session: every waiting command and every later one fails with `error`.
    func finish(_ error: HandoffRailError) {
        guard endError == nil else { return }
        endError = error
        var tickets = waiting
        waiting = []
        if let current = link {
            current.outgoing.finish()
            for case .command(let ticket, _) in current.expected { tickets.append(ticket) }
            link = nil
        }
        for ticket in tickets { ticket.answer(.failure(error)) }
    }

    // MARK: Private

    /// Sends a caller's command on the current connection; the wanted channels change now so
    /// a reconnect in between already carries them.
    private func send(_ ticket: Ticket) {
        switch ticket.command {
        case .subscribe(let channel): if !channels.contains(channel) { channels.append(channel) }
        case .unsubscribe(let channel): channels.removeAll { $0 == channel }
        case .ping: break
        }
        enqueue(ticket.command, expecting: .command(ticket, sentAt: .now), failing: ticket)
    }

    private func enqueue(_ command: WebSocketCommand, expecting expectation: Expectation, failing ticket: Ticket? = nil) {
        guard var current = link else { return }
        do {
            current.outgoing.yield(try command.text())
            current.expected.append(expectation)
            link = current
        } catch {
            ticket?.answer(.failure(HandoffRailError(kind: .invalidResponse, operationID: Self.operationID, reason: "the message could not be encoded")))
        }
    }

    static let operationID = "openWebSocket"

    /// The validation error for a channel the server refused, shaped like the 422 of `/events`.
    static func rejection(of channel: EventChannel, detail: String, location: [JSONPathComponent]) -> HandoffRailError {
        let issue = ValidationIssue(type: "value_error", loc: location, msg: detail, input: .string(channel.wireValue))
        return HandoffRailError.validation([issue], operationID: operationID)
    }
}

/// What a reply means to the connection that received it.
enum ReplyOutcome: Sendable, Equatable {
    case none
    /// The synchronisation finished: from now on every commit matching these channels arrives.
    case synchronized([EventChannel])
    /// The server refused a channel of the synchronisation: the session cannot serve it.
    case fatal(HandoffRailError)
}

extension WebSocketSessionController {
    /// One connection: where its messages go and the replies it still expects, oldest first.
    private struct Link {
        let id: Int
        let outgoing: AsyncStream<String>.Continuation
        var expected: [Expectation] = []
        var isSynchronized = false
    }

    /// A reply a connection expects.
    private enum Expectation {
        case synchronizingSubscribe(EventChannel, index: Int)
        case synchronization([EventChannel])
        case command(Ticket, sentAt: ContinuousClock.Instant)
    }

    /// A caller's command and where its answer goes.
    struct Ticket: Sendable {
        let id: Int
        let command: WebSocketCommand
        let reply: AsyncStream<Reply>.Continuation

        func answer(_ result: Reply) {
            reply.yield(result)
            reply.finish()
        }
    }
}
