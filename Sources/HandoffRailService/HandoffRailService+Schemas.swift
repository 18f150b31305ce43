import Foundation
import HandoffRailModels
import HandoffRailStorage

/// `/schemas`: the tenant's JSON Schema registry, and the check packet creation runs against
/// it (``validateCustom(_:againstSchema:tenantID:)``).
extension HandoffRailService {
    /// Compiled validators of registered schemas, shared by every service value of the process
    /// (schemas are immutable and their ids unique, so sharing is safe).
    static let compiledSchemas = CompiledSchemaCache(capacity: 1_024)

    /// The tenant's schemas, newest first.
    ///
    /// The store pages oldest first; the newest-first page `[offset, offset + limit)` is the
    /// oldest-first window ending `offset` rows before the end, read and reversed.
    public func listSchemas(_ input: Operations.ListSchemas.Input, caller: APICaller) async throws -> Operations.ListSchemas.Output {
        let total = try await store.schemas(tenantID: caller.tenantID, limit: 1, offset: 0).total
        let end = max(0, total - input.offset)
        let start = max(0, end - input.limit)
        var schemas: [RegisteredSchema] = []
        if end > start {
            schemas = try await store.schemas(tenantID: caller.tenantID, limit: end - start, offset: start).rows.reversed()
        }
        return .ok(SchemaList(schemas: schemas, total: total, limit: input.limit, offset: input.offset))
    }

    /// Registers a schema after checking it is a valid JSON Schema with a top-level `type`.
    public func createSchema(_ input: Operations.CreateSchema.Input, caller: APICaller) async throws -> Operations.CreateSchema.Output {
        let request = input.body
        let validator = try RegisteredSchemaCompiler.compile(request.jsonSchema)
        let schema = RegisteredSchema(
            id: UUID(), name: request.name, version: request.version, jsonSchema: request.jsonSchema,
            tenantId: caller.tenantID, createdAt: clock.now()
        )
        try await store.insertSchema(schema)
        Self.compiledSchemas.store(validator, for: .init(tenantID: caller.tenantID, schemaID: schema.id))
        logger.info("Registered schema", metadata: ["tenant_id": "\(caller.tenantID)", "schema_id": "\(schema.id)"])
        return .created(schema)
    }

    public func getSchema(_ input: Operations.GetSchema.Input, caller: APICaller) async throws -> Operations.GetSchema.Output {
        guard let schema = try await store.schema(id: input.schemaId, tenantID: caller.tenantID) else {
            throw ServiceError.notFound("Schema \(input.schemaId.uuidString.lowercased()) not found")
        }
        return .ok(schema)
    }

    /// Validates a packet's `context.custom` against a registered schema of the tenant.
    ///
    /// ```swift
    /// if let schemaID = create.schemaId {
    ///     try await validateCustom(create.context.custom, againstSchema: schemaID, tenantID: caller.tenantID)
    /// }
    /// ```
    /// - Throws: ``ServiceError`` 422 "Schema <id> not found" for an unknown schema (or another
    ///   tenant's), 422 "Schema validation failed: <first issues>" when `custom` violates it.
    package func validateCustom(_ custom: [String: JSONValue], againstSchema id: UUID, tenantID: String) async throws {
        let validator = try await compiledSchema(id, tenantID: tenantID)
        let issues = validator.validate(.object(custom))
        guard issues.isEmpty else {
            throw ServiceError.unprocessable(
                "Schema validation failed: \(RegisteredSchemaCompiler.describe(issues, under: "context.custom"))",
                code: "schema_validation_failed", field: "context.custom"
            )
        }
    }

    private func compiledSchema(_ id: UUID, tenantID: String) async throws -> JSONSchemaValidator {
        let key = CompiledSchemaCache.Key(tenantID: tenantID, schemaID: id)
        if let cached = Self.compiledSchemas.validator(for: key) { return cached }
        guard let schema = try await store.schema(id: id, tenantID: tenantID) else {
            throw ServiceError.unprocessable("Schema \(id.uuidString.lowercased()) not found", code: "schema_not_found", field: "schema_id")
        }
        let validator: JSONSchemaValidator
        do {
            validator = try RegisteredSchemaCompiler.validator(for: .object(schema.jsonSchema))
        } catch {
            throw ServiceError.unprocessable(
                "Schema \(id.uuidString.lowercased()) cannot be used: \(error.message)", code: "invalid_schema", field: "schema_id"
            )
        }
        Self.compiledSchemas.store(validator, for: key)
        return validator
    }
}
