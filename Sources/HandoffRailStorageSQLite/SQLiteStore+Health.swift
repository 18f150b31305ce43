import GRDB
import HandoffRailModels
import HandoffRailStorage

extension SQLiteStore {
    public var backendName: String { "sqlite" }

    /// `SELECT 1` on a reader connection.
    public func ping() async throws {
        _ = try await reading { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    /// `page_count × page_size` of the main file (the WAL is not counted).
    public func databaseSizeBytes() async throws -> Int? {
        try await reading { db in
            try Int.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()")
        }
    }

    public func connectionPoolDescription() -> [String: JSONValue] {
        [
            "backend": .string("sqlite"),
            "readers": .integer(readerCount),
            "writers": .integer(1),
            "journal_mode": .string("wal"),
        ]
    }
}
