import HandoffRailModels

// Packet operations still to be written (removed operation by operation as they land).
extension HandoffRailService {
    public func listPackets(_ input: Operations.ListPackets.Input, caller: APICaller) async throws -> Operations.ListPackets.Output {
        throw ServiceError(statusCode: 501, detail: "listPackets is not implemented yet")
    }

    public func createPacket(_ input: Operations.CreatePacket.Input, caller: APICaller) async throws -> Operations.CreatePacket.Output {
        throw ServiceError(statusCode: 501, detail: "createPacket is not implemented yet")
    }

    public func listAwaitingPackets(_ input: Operations.ListAwaitingPackets.Input, caller: APICaller) async throws -> Operations.ListAwaitingPackets.Output {
        throw ServiceError(statusCode: 501, detail: "listAwaitingPackets is not implemented yet")
    }

    public func searchPackets(_ input: Operations.SearchPackets.Input, caller: APICaller) async throws -> Operations.SearchPackets.Output {
        throw ServiceError(statusCode: 501, detail: "searchPackets is not implemented yet")
    }

    public func batchCreatePackets(_ input: Operations.BatchCreatePackets.Input, caller: APICaller) async throws -> Operations.BatchCreatePackets.Output {
        throw ServiceError(statusCode: 501, detail: "batchCreatePackets is not implemented yet")
    }

    public func batchClaimPackets(_ input: Operations.BatchClaimPackets.Input, caller: APICaller) async throws -> Operations.BatchClaimPackets.Output {
        throw ServiceError(statusCode: 501, detail: "batchClaimPackets is not implemented yet")
    }

    public func batchCompletePackets(_ input: Operations.BatchCompletePackets.Input, caller: APICaller) async throws -> Operations.BatchCompletePackets.Output {
        throw ServiceError(statusCode: 501, detail: "batchCompletePackets is not implemented yet")
    }

    public func getPacket(_ input: Operations.GetPacket.Input, caller: APICaller) async throws -> Operations.GetPacket.Output {
        throw ServiceError(statusCode: 501, detail: "getPacket is not implemented yet")
    }

    public func updatePacket(_ input: Operations.UpdatePacket.Input, caller: APICaller) async throws -> Operations.UpdatePacket.Output {
        throw ServiceError(statusCode: 501, detail: "updatePacket is not implemented yet")
    }

    public func deletePacket(_ input: Operations.DeletePacket.Input, caller: APICaller) async throws -> Operations.DeletePacket.Output {
        throw ServiceError(statusCode: 501, detail: "deletePacket is not implemented yet")
    }

    public func claimPacket(_ input: Operations.ClaimPacket.Input, caller: APICaller) async throws -> Operations.ClaimPacket.Output {
        throw ServiceError(statusCode: 501, detail: "claimPacket is not implemented yet")
    }

    public func respondToPacket(_ input: Operations.RespondToPacket.Input, caller: APICaller) async throws -> Operations.RespondToPacket.Output {
        throw ServiceError(statusCode: 501, detail: "respondToPacket is not implemented yet")
    }

    public func getPacketHistory(_ input: Operations.GetPacketHistory.Input, caller: APICaller) async throws -> Operations.GetPacketHistory.Output {
        throw ServiceError(statusCode: 501, detail: "getPacketHistory is not implemented yet")
    }

    public func chainPacket(_ input: Operations.ChainPacket.Input, caller: APICaller) async throws -> Operations.ChainPacket.Output {
        throw ServiceError(statusCode: 501, detail: "chainPacket is not implemented yet")
    }

    public func listAuditEntries(_ input: Operations.ListAuditEntries.Input, caller: APICaller) async throws -> Operations.ListAuditEntries.Output {
        throw ServiceError(statusCode: 501, detail: "listAuditEntries is not implemented yet")
    }
}
