import Foundation
import HandoffRailModels
import HandoffRailServer
import HandoffRailService
import Hummingbird
import Synchronization

/// An authenticator over a fixed table of keys, isolating the HTTP glue from the store.
struct TableAuthenticator: APIKeyAuthenticator {
    var keys: [String: Authentication]

    func authenticate(apiKey: String) async throws -> Authentication {
        keys[apiKey] ?? .unknown
    }

    /// `hr_admin`, `hr_writer`, `hr_reader` (tenant `t1`, free tier), `hr_revoked`.
    static let standard = TableAuthenticator(keys: [
        "hr_admin": .authenticated(APICaller(tenantID: "t1", keyID: "k-admin", role: .admin, tier: .free)),
        "hr_writer": .authenticated(APICaller(tenantID: "t1", keyID: "k-writer", role: .writer, tier: .free)),
        "hr_reader": .authenticated(APICaller(tenantID: "t1", keyID: "k-reader", role: .reader, tier: .free)),
        "hr_business": .authenticated(APICaller(tenantID: "t2", keyID: "k-business", role: .admin, tier: .business)),
        "hr_revoked": .revoked,
    ])
}

/// A clock tests move by hand: no sleeps.
final class ManualTime: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = Mutex(start) }

    var clock: ServiceClock { ServiceClock { [self] in current.withLock { $0 } } }

    func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

extension ByteBuffer {
    /// The body as text, for exact comparisons.
    var text: String { String(buffer: self) }
}
