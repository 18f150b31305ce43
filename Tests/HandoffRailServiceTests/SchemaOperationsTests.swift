import Foundation
import HandoffRailModels
@testable import HandoffRailService
import HandoffRailStorage
import Testing

@Suite("schema registry")
struct SchemaOperationsTests {
    private static let ticketSchema: [String: JSONValue] = [
        "type": "object",
        "required": ["ticket_id"],
        "properties": [
            "ticket_id": ["type": "string", "pattern": "^T-[0-9]+$"],
            "priority": ["type": "integer", "minimum": 1, "maximum": 5],
        ],
    ]

    private func createdSchema(_ output: Operations.CreateSchema.Output) throws -> RegisteredSchema {
        guard case .created(let schema) = output else { throw UnexpectedOutput(output) }
        return schema
    }

    @Test("create stores the schema for the caller's tenant; get returns it; another tenant gets 404")
    func createAndGet() async throws {
        let fixture = try await ServiceFixture.make()
        let schema = try createdSchema(try await fixture.service.createSchema(
            .init(body: .init(name: "ticket", jsonSchema: Self.ticketSchema, version: 2)), caller: fixture.admin
        ))
        #expect(schema.name == "ticket")
        #expect(schema.version == 2)
        #expect(schema.jsonSchema == Self.ticketSchema)
        #expect(schema.tenantId == fixture.admin.tenantID)
        guard case .ok(let fetched) = try await fixture.service.getSchema(.init(schemaId: schema.id), caller: fixture.admin) else {
            Issue.record("get failed")
            return
        }
        #expect(fetched.id == schema.id && fetched.name == schema.name && fetched.version == schema.version)
        #expect(fetched.jsonSchema == schema.jsonSchema && fetched.tenantId == schema.tenantId)
        #expect(RFC3339.format(fetched.createdAt) == RFC3339.format(schema.createdAt))

        let other = try await fixture.addTenant(role: .writer)
        try await expectServiceError(404) { try await fixture.service.getSchema(.init(schemaId: schema.id), caller: other) }
        try await expectServiceError(404) { try await fixture.service.getSchema(.init(schemaId: UUID()), caller: fixture.admin) }
    }

    @Test("a schema without a top-level type is 422")
    func missingType() async throws {
        let fixture = try await ServiceFixture.make()
        let error = try await expectServiceError(422) {
            try await fixture.service.createSchema(.init(body: .init(name: "bad", jsonSchema: ["properties": ["a": ["type": "string"]]])), caller: fixture.admin)
        }
        #expect(error.detail.contains("type"))
    }

    @Test("documents that are not valid JSON Schemas are 422", arguments: [
        ["type": "object", "minProperties": -1] as [String: JSONValue],
        ["type": "strange"],
        ["type": "object", "properties": ["a": ["pattern": "("]]],
        ["type": "object", "properties": ["a": ["$ref": "#/definitions/missing"]]],
        ["type": "object", "required": "ticket_id"],
    ])
    func invalidSchemas(document: [String: JSONValue]) async throws {
        let fixture = try await ServiceFixture.make()
        let error = try await expectServiceError(422) {
            try await fixture.service.createSchema(.init(body: .init(name: "bad", jsonSchema: document)), caller: fixture.admin)
        }
        #expect(error.field == "json_schema")
        #expect(try await fixture.store.schemas(tenantID: fixture.admin.tenantID, limit: 10, offset: 0).total == 0)
    }

    @Test("list is tenant-scoped, newest first, paged with total, limit and offset")
    func list() async throws {
        let fixture = try await ServiceFixture.make()
        var created: [RegisteredSchema] = []
        for index in 0..<5 {
            created.append(try createdSchema(try await fixture.service.createSchema(
                .init(body: .init(name: "s\(index)", jsonSchema: ["type": "object"])), caller: fixture.admin
            )))
        }
        let other = try await fixture.addTenant(role: .writer)
        _ = try await fixture.service.createSchema(.init(body: .init(name: "theirs", jsonSchema: ["type": "string"])), caller: other)

        guard case .ok(let all) = try await fixture.service.listSchemas(.init(), caller: fixture.admin) else {
            Issue.record("list failed")
            return
        }
        #expect(all.total == 5)
        #expect(all.limit == 50 && all.offset == 0)
        #expect(all.schemas.map(\.name) == ["s4", "s3", "s2", "s1", "s0"])

        guard case .ok(let page) = try await fixture.service.listSchemas(.init(limit: 2, offset: 1), caller: fixture.admin) else {
            Issue.record("page failed")
            return
        }
        #expect(page.total == 5)
        #expect(page.schemas.map(\.name) == ["s3", "s2"])
        guard case .ok(let tail) = try await fixture.service.listSchemas(.init(limit: 10, offset: 4), caller: fixture.admin),
              case .ok(let beyond) = try await fixture.service.listSchemas(.init(limit: 10, offset: 9), caller: fixture.admin)
        else {
            Issue.record("tail failed")
            return
        }
        #expect(tail.schemas.map(\.name) == ["s0"])
        #expect(beyond.schemas.isEmpty && beyond.total == 5)
    }

    @Test("validateCustom: valid passes, violations name 'validation failed', unknown schemas 'not found'")
    func validateCustom() async throws {
        let fixture = try await ServiceFixture.make()
        let schema = try createdSchema(try await fixture.service.createSchema(
            .init(body: .init(name: "ticket", jsonSchema: Self.ticketSchema)), caller: fixture.admin
        ))
        let tenant = fixture.admin.tenantID
        try await fixture.service.validateCustom(["ticket_id": "T-42", "priority": 3], againstSchema: schema.id, tenantID: tenant)

        let violation = try await expectServiceError(422) {
            try await fixture.service.validateCustom(["ticket_id": "nope", "priority": 9], againstSchema: schema.id, tenantID: tenant)
        }
        #expect(violation.detail.contains("validation failed"))
        #expect(violation.detail.contains("ticket_id"))
        #expect(violation.detail.contains("priority"))
        let missing = try await expectServiceError(422) {
            try await fixture.service.validateCustom([:], againstSchema: schema.id, tenantID: tenant)
        }
        #expect(missing.detail.contains("validation failed"))

        let unknown = try await expectServiceError(422) {
            try await fixture.service.validateCustom([:], againstSchema: UUID(), tenantID: tenant)
        }
        #expect(unknown.detail.contains("not found"))
        let foreign = try await fixture.addTenant(role: .writer)
        let crossTenant = try await expectServiceError(422) {
            try await fixture.service.validateCustom(["ticket_id": "T-1"], againstSchema: schema.id, tenantID: foreign.tenantID)
        }
        #expect(crossTenant.detail.contains("not found"))
    }

    @Test("validateCustom compiles a stored schema on first use (cold cache) with draft-07 semantics")
    func coldCache() async throws {
        let fixture = try await ServiceFixture.make()
        let id = UUID()
        // Stored directly: the service's cache has never seen it. Draft-07: `definitions` and
        // `dependencies` apply; formats are annotations.
        try await fixture.store.insertSchema(RegisteredSchema(
            id: id, name: "draft7", version: 1,
            jsonSchema: [
                "type": "object",
                "definitions": ["code": ["type": "string", "minLength": 3]],
                "properties": ["code": ["$ref": "#/definitions/code"], "email": ["type": "string", "format": "email"]],
                "dependencies": ["code": ["email"]],
            ],
            tenantId: fixture.admin.tenantID, createdAt: Date()
        ))
        let tenant = fixture.admin.tenantID
        try await fixture.service.validateCustom(["code": "abc", "email": "not an email"], againstSchema: id, tenantID: tenant)
        try await expectServiceError(422) { try await fixture.service.validateCustom(["code": "ab", "email": "x"], againstSchema: id, tenantID: tenant) }
        try await expectServiceError(422) { try await fixture.service.validateCustom(["code": "abc"], againstSchema: id, tenantID: tenant) }
        #expect(HandoffRailService.compiledSchemas.validator(for: .init(tenantID: tenant, schemaID: id)) != nil)
    }

    @Test("the compiled schema cache stays within its capacity")
    func cacheCapacity() throws {
        let cache = CompiledSchemaCache(capacity: 3)
        let validator = try JSONSchemaValidator(schema: ["type": "object"], defaultDraft: .draft7)
        let keys = (0..<5).map { _ in CompiledSchemaCache.Key(tenantID: "t", schemaID: UUID()) }
        for key in keys { cache.store(validator, for: key) }
        #expect(cache.count == 3)
        #expect(cache.validator(for: keys[4]) != nil)
    }
}
