import Foundation
import GRDB
import HandoffRailModels

/// A `schemas` row: a registered JSON Schema, its document kept as JSON text.
struct SchemaRecord: FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "schemas"

    var schema: RegisteredSchema

    init(_ schema: RegisteredSchema) {
        self.schema = schema
    }

    init(row: Row) throws {
        schema = RegisteredSchema(
            id: try row.uuid("id"), name: row["name"], version: row["version"],
            jsonSchema: try row.json([String: JSONValue].self, "json_schema"), tenantId: row["tenant_id"],
            createdAt: try row.date("created_at"))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = schema.id.databaseText
        container["tenant_id"] = schema.tenantId
        container["name"] = schema.name
        container["version"] = schema.version
        container["json_schema"] = try databaseJSON(schema.jsonSchema)
        container["created_at"] = schema.createdAt.databaseMicroseconds
    }
}
