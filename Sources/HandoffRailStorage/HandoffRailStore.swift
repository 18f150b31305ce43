import Foundation
import HandoffRailModels

/// Everything the service needs from a database, with nothing of a particular database in it.
///
/// The SQLite implementation (`SQLiteStore`, GRDB) is the embedded default; a PostgreSQL
/// implementation must fit the same protocol. The storage conformance suite
/// (`Tests/HandoffRailStorageTests`) is written once against this protocol and run on every
/// implementation.
///
/// Rules every implementation keeps:
/// - tenant scoping is part of every query: a row of another tenant is never returned;
/// - ``PacketStore/commit(_:idempotency:)`` is one transaction: packet rows, their history
///   events, audit entries, outbox events and webhook deliveries commit together or not at all;
/// - an update carries the revision it was computed from and succeeds only if the row still
///   has it (one conditional `UPDATE … WHERE revision = ?`), so of N concurrent claimers
///   exactly one wins, on one instance or many;
/// - webhook deliveries are leased before they are sent (``DeliveryQueueStore``), so two
///   dispatchers never hold the same attempt at once.
public protocol HandoffRailStore: PacketStore, TenantStore, APIKeyStore, WebhookStore, SchemaStore, StoreHealth,
    DeliveryQueueStore, ExpiryStore, RuleStore {}

/// Liveness and facts about the database, for `/ready` and `/system/health`.
public protocol StoreHealth: Sendable {
    /// A short name of the backend, e.g. `"sqlite"`.
    var backendName: String { get }

    /// Runs a trivial query; throws when the database is unreachable.
    func ping() async throws

    /// The size of the database in bytes, when the backend can tell.
    func databaseSizeBytes() async throws -> Int?

    /// Connection pool facts (`{"readers": 5, "writers": 1}` …) for `/system/health`.
    func connectionPoolDescription() -> [String: JSONValue]
}
