import Foundation
import GRDB
import HandoffRailModels
import HandoffRailStorage

extension SQLiteStore {
    public func insertSchema(_ schema: RegisteredSchema) async throws {
        try await writing { db in try SchemaRecord(schema).insert(db) }
    }

    public func schema(id: UUID, tenantID: String) async throws -> RegisteredSchema? {
        try await reading { db in
            try SchemaRecord.fetchOne(
                db, sql: "SELECT * FROM schemas WHERE id = ? AND tenant_id = ?", arguments: [id.databaseText, tenantID]
            )?.schema
        }
    }

    public func schemas(tenantID: String, limit: Int, offset: Int) async throws -> Page<RegisteredSchema> {
        try await reading { db in
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM schemas WHERE tenant_id = ?", arguments: [tenantID]) ?? 0
            let schemas = try SchemaRecord.fetchAll(db, sql: """
                SELECT * FROM schemas WHERE tenant_id = ? ORDER BY created_at, seq LIMIT ? OFFSET ?
                """, arguments: [tenantID, max(limit, 0), max(offset, 0)])
            return Page(rows: schemas.map(\.schema), total: total)
        }
    }
}
