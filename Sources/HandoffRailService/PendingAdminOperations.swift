import HandoffRailModels

// Admin and system operations still to be written (removed operation by operation as they land).
extension HandoffRailService {
    public func listHooks(_ input: Operations.ListHooks.Input, caller: APICaller) async throws -> Operations.ListHooks.Output {
        throw ServiceError(statusCode: 501, detail: "listHooks is not implemented yet")
    }

    public func createHook(_ input: Operations.CreateHook.Input, caller: APICaller) async throws -> Operations.CreateHook.Output {
        throw ServiceError(statusCode: 501, detail: "createHook is not implemented yet")
    }

    public func listDeadLetters(_ input: Operations.ListDeadLetters.Input, caller: APICaller) async throws -> Operations.ListDeadLetters.Output {
        throw ServiceError(statusCode: 501, detail: "listDeadLetters is not implemented yet")
    }

    public func retryAllDeadLetters(_ input: Operations.RetryAllDeadLetters.Input, caller: APICaller) async throws -> Operations.RetryAllDeadLetters.Output {
        throw ServiceError(statusCode: 501, detail: "retryAllDeadLetters is not implemented yet")
    }

    public func replayDeadLetter(_ input: Operations.ReplayDeadLetter.Input, caller: APICaller) async throws -> Operations.ReplayDeadLetter.Output {
        throw ServiceError(statusCode: 501, detail: "replayDeadLetter is not implemented yet")
    }

    public func deleteHook(_ input: Operations.DeleteHook.Input, caller: APICaller) async throws -> Operations.DeleteHook.Output {
        throw ServiceError(statusCode: 501, detail: "deleteHook is not implemented yet")
    }

    public func listHookDeliveries(_ input: Operations.ListHookDeliveries.Input, caller: APICaller) async throws -> Operations.ListHookDeliveries.Output {
        throw ServiceError(statusCode: 501, detail: "listHookDeliveries is not implemented yet")
    }

    public func listSchemas(_ input: Operations.ListSchemas.Input, caller: APICaller) async throws -> Operations.ListSchemas.Output {
        throw ServiceError(statusCode: 501, detail: "listSchemas is not implemented yet")
    }

    public func createSchema(_ input: Operations.CreateSchema.Input, caller: APICaller) async throws -> Operations.CreateSchema.Output {
        throw ServiceError(statusCode: 501, detail: "createSchema is not implemented yet")
    }

    public func getSchema(_ input: Operations.GetSchema.Input, caller: APICaller) async throws -> Operations.GetSchema.Output {
        throw ServiceError(statusCode: 501, detail: "getSchema is not implemented yet")
    }

    public func listApiKeys(_ input: Operations.ListApiKeys.Input, caller: APICaller) async throws -> Operations.ListApiKeys.Output {
        throw ServiceError(statusCode: 501, detail: "listApiKeys is not implemented yet")
    }

    public func createApiKey(_ input: Operations.CreateApiKey.Input, caller: APICaller) async throws -> Operations.CreateApiKey.Output {
        throw ServiceError(statusCode: 501, detail: "createApiKey is not implemented yet")
    }

    public func revokeApiKey(_ input: Operations.RevokeApiKey.Input, caller: APICaller) async throws -> Operations.RevokeApiKey.Output {
        throw ServiceError(statusCode: 501, detail: "revokeApiKey is not implemented yet")
    }

    public func rotateApiKey(_ input: Operations.RotateApiKey.Input, caller: APICaller) async throws -> Operations.RotateApiKey.Output {
        throw ServiceError(statusCode: 501, detail: "rotateApiKey is not implemented yet")
    }

    public func listTenants(_ input: Operations.ListTenants.Input, caller: APICaller) async throws -> Operations.ListTenants.Output {
        throw ServiceError(statusCode: 501, detail: "listTenants is not implemented yet")
    }

    public func createTenant(_ input: Operations.CreateTenant.Input, caller: APICaller) async throws -> Operations.CreateTenant.Output {
        throw ServiceError(statusCode: 501, detail: "createTenant is not implemented yet")
    }

    public func getTenant(_ input: Operations.GetTenant.Input, caller: APICaller) async throws -> Operations.GetTenant.Output {
        throw ServiceError(statusCode: 501, detail: "getTenant is not implemented yet")
    }

    public func updateTenant(_ input: Operations.UpdateTenant.Input, caller: APICaller) async throws -> Operations.UpdateTenant.Output {
        throw ServiceError(statusCode: 501, detail: "updateTenant is not implemented yet")
    }

    public func deleteTenant(_ input: Operations.DeleteTenant.Input, caller: APICaller) async throws -> Operations.DeleteTenant.Output {
        throw ServiceError(statusCode: 501, detail: "deleteTenant is not implemented yet")
    }

    public func listTenantApiKeys(_ input: Operations.ListTenantApiKeys.Input, caller: APICaller) async throws -> Operations.ListTenantApiKeys.Output {
        throw ServiceError(statusCode: 501, detail: "listTenantApiKeys is not implemented yet")
    }

    public func getStats(_ input: Operations.GetStats.Input, caller: APICaller) async throws -> Operations.GetStats.Output {
        throw ServiceError(statusCode: 501, detail: "getStats is not implemented yet")
    }

    public func getSystemHealth(_ input: Operations.GetSystemHealth.Input, caller: APICaller) async throws -> Operations.GetSystemHealth.Output {
        throw ServiceError(statusCode: 501, detail: "getSystemHealth is not implemented yet")
    }

    public func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        throw ServiceError(statusCode: 501, detail: "getHealth is not implemented yet")
    }

    public func getReadiness(_ input: Operations.GetReadiness.Input) async throws -> Operations.GetReadiness.Output {
        throw ServiceError(statusCode: 501, detail: "getReadiness is not implemented yet")
    }

    public func getMetrics(_ input: Operations.GetMetrics.Input) async throws -> Operations.GetMetrics.Output {
        throw ServiceError(statusCode: 501, detail: "getMetrics is not implemented yet")
    }

    public func getOpenAPISpec(_ input: Operations.GetOpenAPISpec.Input) async throws -> Operations.GetOpenAPISpec.Output {
        throw ServiceError(statusCode: 501, detail: "getOpenAPISpec is not implemented yet")
    }
}
