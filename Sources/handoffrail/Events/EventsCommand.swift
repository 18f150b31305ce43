import ArgumentParser
import Foundation
import HandoffRailClient
import HandoffRailModels

/// `handoffrail events`: follows the tenant's live events, like `tail -f`, until interrupted
/// (or `--count` events).
///
/// One line per event: time, type, packet, status and summary; `--format json` prints each
/// event as one compact JSON object per line (JSON Lines, for `jq`), `--quiet` only packet ids.
/// The stream reconnects by itself and resumes where it left off (`Last-Event-ID`);
/// connection changes are noted on stderr.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "Follow live events (like tail -f) until interrupted.",
        discussion: """
            Examples:
              handoffrail events --status created --agent billing-01
              handoffrail events --format json | jq -r .packet_id
            """)

    @Option(name: .customLong("status"), help: ArgumentHelp("Events of packets entering this status (repeatable).", valueName: "status"),
            transform: { try ArgumentParsing.knownCase($0, as: PacketStatus.self) })
    var statuses: [PacketStatus] = []

    @Option(name: .customLong("agent"), help: ArgumentHelp("Events of packets from or to this agent (repeatable).", valueName: "agent-id"))
    var agents: [String] = []

    @Option(name: .customLong("packet"), help: ArgumentHelp("Events of this packet (repeatable).", valueName: "packet-id"), transform: ArgumentParsing.uuid)
    var packets: [UUID] = []

    @Option(help: "Stop after this many events.")
    var count: Int?

    @Option(help: ArgumentHelp("Give up after this many failed reconnects in a row (default: never).", valueName: "n"))
    var maxReconnects: Int?

    @OptionGroup var global: GlobalOptions

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if let maxReconnects, maxReconnects < 0 { throw ValidationError("--max-reconnects must not be negative") }
    }

    func run() async throws {
        try await CLIContext.run(global) { context in
            let channels = statuses.map(EventChannel.status) + agents.map(EventChannel.agent) + packets.map(EventChannel.packet)
            var options = EventStreamOptions()
            options.maxReconnectAttempts = maxReconnects
            let printer = EventLinePrinter(output: context.output)
            var received = 0
            for try await message in context.client.eventMessages(subscribe: channels, options: options) {
                switch message {
                case .connected(let subscriptions):
                    context.output.note("connected to \(context.settings.serverURL.value) (\(subscriptions.isEmpty ? "all events" : subscriptions.joined(separator: ", ")))")
                case .reconnecting(let attempt, let delay, let cause):
                    context.output.note("reconnecting in \(Self.seconds(delay)) s (attempt \(attempt)): \(cause)")
                case .event(let event):
                    printer.print(event)
                    received += 1
                    if let count, received >= count { return }
                default:
                    break
                }
            }
        }
    }

    /// `0.7` for 728 ms: enough precision for a person watching reconnects.
    static func seconds(_ duration: Duration) -> String {
        let components = duration.components
        let seconds = Double(components.seconds) + Double(components.attoseconds) / 1e18
        return String(format: "%.1f", seconds)
    }
}
