import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail packets claim ID --agent-id …`: take a created packet.
///
/// A packet someone else holds is exit code 1 with the holder named:
/// `error: conflict (HTTP 409) in claimPacket: … is already claimed — claimed by Billing (billing-01)`.
struct PacketsClaimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Claim a packet for an agent (exit code 1 when another agent holds it).")

    @Argument(help: "The packet's id.", transform: ArgumentParsing.uuid)
    var id: UUID

    @OptionGroup var agent: AgentOptions

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        try await CLIContext.run(global) { context in
            let packet = try await context.client.claim(id, agentID: agent.agentID, agentName: agent.name, framework: agent.framework)
            try context.output.emit(packet, ids: [packet.id]) { PacketRendering.detail(packet, output: context.output) }
        }
    }
}
