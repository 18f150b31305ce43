import HandoffRailModels

/// The HandoffRail service: business logic behind the generated `HandoffRailAPI`.
///
/// It knows nothing of HTTP or of a particular database; the caller arrives as a
/// parameter. The logic arrives with the server issue; until then every operation
/// reports `ServiceError.notImplemented`, which the server maps to 501, so the
/// generated routes, the conformance and the wiring are compiled and tested end to end.
public struct HandoffRailService: HandoffRailAPI {
    public init() {}

    public func listPackets(_ input: Operations.ListPackets.Input, caller: APICaller) async throws -> Operations.ListPackets.Output {
        throw ServiceError.notImplemented(operationID: "listPackets")
    }

    public func createPacket(_ input: Operations.CreatePacket.Input, caller: APICaller) async throws -> Operations.CreatePacket.Output {
        throw ServiceError.notImplemented(operationID: "createPacket")
    }

    public func listAwaitingPackets(_ input: Operations.ListAwaitingPackets.Input, caller: APICaller) async throws -> Operations.ListAwaitingPackets.Output {
        throw ServiceError.notImplemented(operationID: "listAwaitingPackets")
    }

    public func searchPackets(_ input: Operations.SearchPackets.Input, caller: APICaller) async throws -> Operations.SearchPackets.Output {
        throw ServiceError.notImplemented(operationID: "searchPackets")
    }

    public func batchCreatePackets(_ input: Operations.BatchCreatePackets.Input, caller: APICaller) async throws -> Operations.BatchCreatePackets.Output {
        throw ServiceError.notImplemented(operationID: "batchCreatePackets")
    }

    public func batchClaimPackets(_ input: Operations.BatchClaimPackets.Input, caller: APICaller) async throws -> Operations.BatchClaimPackets.Output {
        throw ServiceError.notImplemented(operationID: "batchClaimPackets")
    }

    public func batchCompletePackets(_ input: Operations.BatchCompletePackets.Input, caller: APICaller) async throws -> Operations.BatchCompletePackets.Output {
        throw ServiceError.notImplemented(operationID: "batchCompletePackets")
    }

    public func getPacket(_ input: Operations.GetPacket.Input, caller: APICaller) async throws -> Operations.GetPacket.Output {
        throw ServiceError.notImplemented(operationID: "getPacket")
    }

    public func updatePacket(_ input: Operations.UpdatePacket.Input, caller: APICaller) async throws -> Operations.UpdatePacket.Output {
        throw ServiceError.notImplemented(operationID: "updatePacket")
    }

    public func deletePacket(_ input: Operations.DeletePacket.Input, caller: APICaller) async throws -> Operations.DeletePacket.Output {
        throw ServiceError.notImplemented(operationID: "deletePacket")
    }

    public func claimPacket(_ input: Operations.ClaimPacket.Input, caller: APICaller) async throws -> Operations.ClaimPacket.Output {
        throw ServiceError.notImplemented(operationID: "claimPacket")
    }

    public func respondToPacket(_ input: Operations.RespondToPacket.Input, caller: APICaller) async throws -> Operations.RespondToPacket.Output {
        throw ServiceError.notImplemented(operationID: "respondToPacket")
    }

    public func getPacketHistory(_ input: Operations.GetPacketHistory.Input, caller: APICaller) async throws -> Operations.GetPacketHistory.Output {
        throw ServiceError.notImplemented(operationID: "getPacketHistory")
    }

    public func chainPacket(_ input: Operations.ChainPacket.Input, caller: APICaller) async throws -> Operations.ChainPacket.Output {
        throw ServiceError.notImplemented(operationID: "chainPacket")
    }

    public func listAuditEntries(_ input: Operations.ListAuditEntries.Input, caller: APICaller) async throws -> Operations.ListAuditEntries.Output {
        throw ServiceError.notImplemented(operationID: "listAuditEntries")
    }

    public func listHooks(_ input: Operations.ListHooks.Input, caller: APICaller) async throws -> Operations.ListHooks.Output {
        throw ServiceError.notImplemented(operationID: "listHooks")
    }

    public func createHook(_ input: Operations.CreateHook.Input, caller: APICaller) async throws -> Operations.CreateHook.Output {
        throw ServiceError.notImplemented(operationID: "createHook")
    }

    public func listDeadLetters(_ input: Operations.ListDeadLetters.Input, caller: APICaller) async throws -> Operations.ListDeadLetters.Output {
        throw ServiceError.notImplemented(operationID: "listDeadLetters")
    }

    public func retryAllDeadLetters(_ input: Operations.RetryAllDeadLetters.Input, caller: APICaller) async throws -> Operations.RetryAllDeadLetters.Output {
        throw ServiceError.notImplemented(operationID: "retryAllDeadLetters")
    }

    public func replayDeadLetter(_ input: Operations.ReplayDeadLetter.Input, caller: APICaller) async throws -> Operations.ReplayDeadLetter.Output {
        throw ServiceError.notImplemented(operationID: "replayDeadLetter")
    }

    public func deleteHook(_ input: Operations.DeleteHook.Input, caller: APICaller) async throws -> Operations.DeleteHook.Output {
        throw ServiceError.notImplemented(operationID: "deleteHook")
    }

    public func listHookDeliveries(_ input: Operations.ListHookDeliveries.Input, caller: APICaller) async throws -> Operations.ListHookDeliveries.Output {
        throw ServiceError.notImplemented(operationID: "listHookDeliveries")
    }

    public func listSchemas(_ input: Operations.ListSchemas.Input, caller: APICaller) async throws -> Operations.ListSchemas.Output {
        throw ServiceError.notImplemented(operationID: "listSchemas")
    }

    public func createSchema(_ input: Operations.CreateSchema.Input, caller: APICaller) async throws -> Operations.CreateSchema.Output {
        throw ServiceError.notImplemented(operationID: "createSchema")
    }

    public func getSchema(_ input: Operations.GetSchema.Input, caller: APICaller) async throws -> Operations.GetSchema.Output {
        throw ServiceError.notImplemented(operationID: "getSchema")
    }

    public func listApiKeys(_ input: Operations.ListApiKeys.Input, caller: APICaller) async throws -> Operations.ListApiKeys.Output {
        throw ServiceError.notImplemented(operationID: "listApiKeys")
    }

    public func createApiKey(_ input: Operations.CreateApiKey.Input, caller: APICaller) async throws -> Operations.CreateApiKey.Output {
        throw ServiceError.notImplemented(operationID: "createApiKey")
    }

    public func revokeApiKey(_ input: Operations.RevokeApiKey.Input, caller: APICaller) async throws -> Operations.RevokeApiKey.Output {
        throw ServiceError.notImplemented(operationID: "revokeApiKey")
    }

    public func rotateApiKey(_ input: Operations.RotateApiKey.Input, caller: APICaller) async throws -> Operations.RotateApiKey.Output {
        throw ServiceError.notImplemented(operationID: "rotateApiKey")
    }

    public func listTenants(_ input: Operations.ListTenants.Input, caller: APICaller) async throws -> Operations.ListTenants.Output {
        throw ServiceError.notImplemented(operationID: "listTenants")
    }

    public func createTenant(_ input: Operations.CreateTenant.Input, caller: APICaller) async throws -> Operations.CreateTenant.Output {
        throw ServiceError.notImplemented(operationID: "createTenant")
    }

    public func getTenant(_ input: Operations.GetTenant.Input, caller: APICaller) async throws -> Operations.GetTenant.Output {
        throw ServiceError.notImplemented(operationID: "getTenant")
    }

    public func updateTenant(_ input: Operations.UpdateTenant.Input, caller: APICaller) async throws -> Operations.UpdateTenant.Output {
        throw ServiceError.notImplemented(operationID: "updateTenant")
    }

    public func deleteTenant(_ input: Operations.DeleteTenant.Input, caller: APICaller) async throws -> Operations.DeleteTenant.Output {
        throw ServiceError.notImplemented(operationID: "deleteTenant")
    }

    public func listTenantApiKeys(_ input: Operations.ListTenantApiKeys.Input, caller: APICaller) async throws -> Operations.ListTenantApiKeys.Output {
        throw ServiceError.notImplemented(operationID: "listTenantApiKeys")
    }

    public func getStats(_ input: Operations.GetStats.Input, caller: APICaller) async throws -> Operations.GetStats.Output {
        throw ServiceError.notImplemented(operationID: "getStats")
    }

    public func getSystemHealth(_ input: Operations.GetSystemHealth.Input, caller: APICaller) async throws -> Operations.GetSystemHealth.Output {
        throw ServiceError.notImplemented(operationID: "getSystemHealth")
    }

    public func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        throw ServiceError.notImplemented(operationID: "getHealth")
    }

    public func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        throw ServiceError.notImplemented(operationID: "getReadiness")
    }

    public func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        throw ServiceError.notImplemented(operationID: "getMetrics")
    }

    public func getOpenAPISpec(_ input: Operations.GetOpenAPISpec.Input) async throws -> Operations.GetOpenAPISpec.Output {
        throw ServiceError.notImplemented(operationID: "getOpenAPISpec")
    }
}
