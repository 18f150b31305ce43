import HandoffRailModels

/// The operation a test double was asked to perform but does not answer.
struct UnansweredOperation: APIErrorConvertible {
    var operationID: String
    var statusCode: Int { 501 }
    var detail: String { "\(operationID) is not answered by the test API" }
}

/// What the routes handed to the API, for tests to inspect.
actor InputRecorder {
    private(set) var tenantIDs: [String] = []
    private(set) var searches: [Operations.SearchPackets.Input] = []

    func record(tenantID: String) { tenantIDs.append(tenantID) }
    func record(search: Operations.SearchPackets.Input) { searches.append(search) }
}

/// A `HandoffRailAPI` test double for the generated routes: it answers two operations
/// with data derived from the typed input, records the inputs of two others, and refuses
/// the rest, isolating the router.
struct RecordingAPI: HandoffRailAPI {
    var recorder = InputRecorder()

    func listPackets(_ input: Operations.ListPackets.Input, caller: APICaller) async throws -> Operations.ListPackets.Output {
        throw UnansweredOperation(operationID: "listPackets")
    }

    func createPacket(_ input: Operations.CreatePacket.Input, caller: APICaller) async throws -> Operations.CreatePacket.Output {
        throw UnansweredOperation(operationID: "createPacket")
    }

    func listAwaitingPackets(_ input: Operations.ListAwaitingPackets.Input, caller: APICaller) async throws -> Operations.ListAwaitingPackets.Output {
        throw UnansweredOperation(operationID: "listAwaitingPackets")
    }

    func searchPackets(_ input: Operations.SearchPackets.Input, caller: APICaller) async throws -> Operations.SearchPackets.Output {
        await recorder.record(search: input)
        throw UnansweredOperation(operationID: "searchPackets")
    }

    func batchCreatePackets(_ input: Operations.BatchCreatePackets.Input, caller: APICaller) async throws -> Operations.BatchCreatePackets.Output {
        throw UnansweredOperation(operationID: "batchCreatePackets")
    }

    func batchClaimPackets(_ input: Operations.BatchClaimPackets.Input, caller: APICaller) async throws -> Operations.BatchClaimPackets.Output {
        throw UnansweredOperation(operationID: "batchClaimPackets")
    }

    func batchCompletePackets(_ input: Operations.BatchCompletePackets.Input, caller: APICaller) async throws -> Operations.BatchCompletePackets.Output {
        throw UnansweredOperation(operationID: "batchCompletePackets")
    }

    func getPacket(_ input: Operations.GetPacket.Input, caller: APICaller) async throws -> Operations.GetPacket.Output {
        throw UnansweredOperation(operationID: "getPacket")
    }

    func updatePacket(_ input: Operations.UpdatePacket.Input, caller: APICaller) async throws -> Operations.UpdatePacket.Output {
        throw UnansweredOperation(operationID: "updatePacket")
    }

    func deletePacket(_ input: Operations.DeletePacket.Input, caller: APICaller) async throws -> Operations.DeletePacket.Output {
        throw UnansweredOperation(operationID: "deletePacket")
    }

    func claimPacket(_ input: Operations.ClaimPacket.Input, caller: APICaller) async throws -> Operations.ClaimPacket.Output {
        throw UnansweredOperation(operationID: "claimPacket")
    }

    func respondToPacket(_ input: Operations.RespondToPacket.Input, caller: APICaller) async throws -> Operations.RespondToPacket.Output {
        throw UnansweredOperation(operationID: "respondToPacket")
    }

    func getPacketHistory(_ input: Operations.GetPacketHistory.Input, caller: APICaller) async throws -> Operations.GetPacketHistory.Output {
        return .ok(PacketHistory(packetId: input.packetId, events: []))
    }

    func chainPacket(_ input: Operations.ChainPacket.Input, caller: APICaller) async throws -> Operations.ChainPacket.Output {
        throw UnansweredOperation(operationID: "chainPacket")
    }

    func listAuditEntries(_ input: Operations.ListAuditEntries.Input, caller: APICaller) async throws -> Operations.ListAuditEntries.Output {
        throw UnansweredOperation(operationID: "listAuditEntries")
    }

    func listHooks(_ input: Operations.ListHooks.Input, caller: APICaller) async throws -> Operations.ListHooks.Output {
        throw UnansweredOperation(operationID: "listHooks")
    }

    func createHook(_ input: Operations.CreateHook.Input, caller: APICaller) async throws -> Operations.CreateHook.Output {
        throw UnansweredOperation(operationID: "createHook")
    }

    func listDeadLetters(_ input: Operations.ListDeadLetters.Input, caller: APICaller) async throws -> Operations.ListDeadLetters.Output {
        throw UnansweredOperation(operationID: "listDeadLetters")
    }

    func retryAllDeadLetters(_ input: Operations.RetryAllDeadLetters.Input, caller: APICaller) async throws -> Operations.RetryAllDeadLetters.Output {
        throw UnansweredOperation(operationID: "retryAllDeadLetters")
    }

    func replayDeadLetter(_ input: Operations.ReplayDeadLetter.Input, caller: APICaller) async throws -> Operations.ReplayDeadLetter.Output {
        throw UnansweredOperation(operationID: "replayDeadLetter")
    }

    func deleteHook(_ input: Operations.DeleteHook.Input, caller: APICaller) async throws -> Operations.DeleteHook.Output {
        throw UnansweredOperation(operationID: "deleteHook")
    }

    func listHookDeliveries(_ input: Operations.ListHookDeliveries.Input, caller: APICaller) async throws -> Operations.ListHookDeliveries.Output {
        throw UnansweredOperation(operationID: "listHookDeliveries")
    }

    func listSchemas(_ input: Operations.ListSchemas.Input, caller: APICaller) async throws -> Operations.ListSchemas.Output {
        throw UnansweredOperation(operationID: "listSchemas")
    }

    func createSchema(_ input: Operations.CreateSchema.Input, caller: APICaller) async throws -> Operations.CreateSchema.Output {
        throw UnansweredOperation(operationID: "createSchema")
    }

    func getSchema(_ input: Operations.GetSchema.Input, caller: APICaller) async throws -> Operations.GetSchema.Output {
        throw UnansweredOperation(operationID: "getSchema")
    }

    func listRules(_ input: Operations.ListRules.Input, caller: APICaller) async throws -> Operations.ListRules.Output {
        throw UnansweredOperation(operationID: "listRules")
    }

    func createRule(_ input: Operations.CreateRule.Input, caller: APICaller) async throws -> Operations.CreateRule.Output {
        throw UnansweredOperation(operationID: "createRule")
    }

    func getRule(_ input: Operations.GetRule.Input, caller: APICaller) async throws -> Operations.GetRule.Output {
        throw UnansweredOperation(operationID: "getRule")
    }

    func updateRule(_ input: Operations.UpdateRule.Input, caller: APICaller) async throws -> Operations.UpdateRule.Output {
        throw UnansweredOperation(operationID: "updateRule")
    }

    func deleteRule(_ input: Operations.DeleteRule.Input, caller: APICaller) async throws -> Operations.DeleteRule.Output {
        throw UnansweredOperation(operationID: "deleteRule")
    }

    func listApiKeys(_ input: Operations.ListApiKeys.Input, caller: APICaller) async throws -> Operations.ListApiKeys.Output {
        throw UnansweredOperation(operationID: "listApiKeys")
    }

    func createApiKey(_ input: Operations.CreateApiKey.Input, caller: APICaller) async throws -> Operations.CreateApiKey.Output {
        throw UnansweredOperation(operationID: "createApiKey")
    }

    func revokeApiKey(_ input: Operations.RevokeApiKey.Input, caller: APICaller) async throws -> Operations.RevokeApiKey.Output {
        throw UnansweredOperation(operationID: "revokeApiKey")
    }

    func rotateApiKey(_ input: Operations.RotateApiKey.Input, caller: APICaller) async throws -> Operations.RotateApiKey.Output {
        throw UnansweredOperation(operationID: "rotateApiKey")
    }

    func listTenants(_ input: Operations.ListTenants.Input, caller: APICaller) async throws -> Operations.ListTenants.Output {
        throw UnansweredOperation(operationID: "listTenants")
    }

    func createTenant(_ input: Operations.CreateTenant.Input, caller: APICaller) async throws -> Operations.CreateTenant.Output {
        throw UnansweredOperation(operationID: "createTenant")
    }

    func getTenant(_ input: Operations.GetTenant.Input, caller: APICaller) async throws -> Operations.GetTenant.Output {
        await recorder.record(tenantID: input.tenantId)
        throw UnansweredOperation(operationID: "getTenant")
    }

    func updateTenant(_ input: Operations.UpdateTenant.Input, caller: APICaller) async throws -> Operations.UpdateTenant.Output {
        throw UnansweredOperation(operationID: "updateTenant")
    }

    func deleteTenant(_ input: Operations.DeleteTenant.Input, caller: APICaller) async throws -> Operations.DeleteTenant.Output {
        throw UnansweredOperation(operationID: "deleteTenant")
    }

    func listTenantApiKeys(_ input: Operations.ListTenantApiKeys.Input, caller: APICaller) async throws -> Operations.ListTenantApiKeys.Output {
        throw UnansweredOperation(operationID: "listTenantApiKeys")
    }

    func getStats(_ input: Operations.GetStats.Input, caller: APICaller) async throws -> Operations.GetStats.Output {
        throw UnansweredOperation(operationID: "getStats")
    }

    func getSystemHealth(_ input: Operations.GetSystemHealth.Input, caller: APICaller) async throws -> Operations.GetSystemHealth.Output {
        throw UnansweredOperation(operationID: "getSystemHealth")
    }

    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        return .ok(HealthStatus(status: "ok", service: "handoffrail"))
    }

    func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        throw UnansweredOperation(operationID: "getReadiness")
    }

    func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        throw UnansweredOperation(operationID: "getMetrics")
    }

    func getOpenAPISpec(_ input: Operations.GetOpenAPISpec.Input) async throws -> Operations.GetOpenAPISpec.Output {
        throw UnansweredOperation(operationID: "getOpenAPISpec")
    }
}
