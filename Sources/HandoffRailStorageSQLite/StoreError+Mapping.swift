import GRDB
import HandoffRailStorage

extension StoreError {
    /// Translates a failure of GRDB/SQLite into the store's vocabulary.
    ///
    /// - a foreign key violation means the referenced row is missing: `.notFound`;
    /// - any other constraint violation (primary key, unique index): `.duplicate`;
    /// - every other database error (I/O, "unable to open", busy, full, corrupt …): `.unavailable`.
    ///
    /// The driver error stays in ``StoreError/underlying`` for `debugDescription` (logs) only.
    init(mapping databaseError: DatabaseError) {
        if databaseError.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
            self.init(.notFound, underlying: databaseError)
        } else if databaseError.resultCode == .SQLITE_CONSTRAINT {
            self.init(.duplicate, underlying: databaseError)
        } else {
            self.init(.unavailable, underlying: databaseError)
        }
    }
}

/// A non-database failure around the store (creating its directory …), kept as text.
struct FileSystemFailure: Error, Sendable, CustomStringConvertible {
    var message: String
    var description: String { message }
}
