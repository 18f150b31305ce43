import Foundation
import HandoffRailModels
import HandoffRailStorage
import Testing

/// The store under test, with the little the suite needs beyond ``HandoffRailStore``.
///
/// Each backend provides one (``SQLiteHarness``; a PostgreSQL one later) and runs every
/// ``ConformanceCase`` on a fresh, empty database.
protocol StoreHarness: Sendable {
    var store: any HandoffRailStore { get }

    /// Sets the outcome of a delivery attempt (the delivery worker's write, which the store
    /// protocol does not expose yet), so dead letters and delivery statistics can be tested.
    func setDeliveryOutcome(id: UUID, status: DeliveryStatus, latencyMs: Double?) async throws
}

/// One behaviour every ``HandoffRailStore`` must have, written once against the protocol.
///
/// ```swift
/// @Test(arguments: StoreConformance.cases)
/// func conformance(_ check: ConformanceCase) async throws {
///     try await check.run(SQLiteHarness())
/// }
/// ```
struct ConformanceCase: Sendable, CustomTestStringConvertible {
    let name: String
    let run: @Sendable (any StoreHarness) async throws -> Void

    init(_ name: String, _ run: @escaping @Sendable (any StoreHarness) async throws -> Void) {
        self.name = name
        self.run = run
    }

    var testDescription: String { name }
}

/// Every conformance case, for the backend suites to run.
enum StoreConformance {
    static let cases: [ConformanceCase] =
        PacketWriteConformance.cases + PacketListConformance.cases + SearchConformance.cases
        + AuditAndOutboxConformance.cases + TenantAndKeyConformance.cases + WebhookConformance.cases
        + StatisticsConformance.cases + IsolationConformance.cases
        + DeliveryQueueConformance.cases + ExpiryConformance.cases
}

/// Runs `body`, expecting a ``StoreError`` with `code`; returns it for further checks.
@discardableResult
func expectStoreError<T>(
    _ code: StoreError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
) async -> StoreError? {
    do {
        _ = try await body()
        Issue.record("expected StoreError.\(code.rawValue), nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        #expect(error.code == code, sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected StoreError.\(code.rawValue), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
