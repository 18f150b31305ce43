import Foundation
import HandoffRailModels

/// Anything that can send a built operation request: the spec-generated operation methods
/// (`Generated/HandoffRailClient/Client.swift`) are an extension of this protocol, so they
/// work on the bare ``HandoffRailAPIClient`` and on the retrying ``HandoffRailClient`` alike.
///
/// Per operation there is a full-fidelity method (typed `Input` → typed `Output`, every
/// documented response) and a flat one (plain arguments → the success body; every other
/// answer is thrown as ``HandoffRailError``).
///
/// ```swift
/// func show(_ id: UUID, with client: some HandoffRailOperations) async throws {
///     let packet = try await client.getPacket(packetId: id)
///     print(packet.summary)
/// }
/// ```
public protocol HandoffRailOperations: Sendable {
    /// Sends `request` and returns the server's answer, whatever its status; throws only
    /// when no answer was received (as ``HandoffRailError`` `.connection` or `.timeout`).
    func send(_ request: ClientRequest) async throws -> TransportResponse
}
