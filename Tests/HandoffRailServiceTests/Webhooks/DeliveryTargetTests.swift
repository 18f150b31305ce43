import Foundation
@testable import HandoffRailService
import Testing

@Suite("Delivery-time SSRF check and address pinning")
struct DeliveryTargetTests {
    /// A resolver answering from a table; unknown names do not resolve.
    static func resolver(_ table: [String: [String]]) -> HostNameResolver {
        HostNameResolver { host in (table[host] ?? []).compactMap(IPAddress.init(literal:)) }
    }

    static let policy = WebhookTargetPolicy(allowPrivateTargets: false, resolver: resolver([
        "hooks.example.com": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
        "v6only.example.com": ["2606:2800:220:1:248:1893:25c8:1946"],
        "rebound.example.com": ["127.0.0.1"],
        "mixed.example.com": ["93.184.216.34", "10.0.0.5"],
    ]))

    @Test("http is pinned to the checked address, the name goes in the Host header")
    func httpPinned() async throws {
        let target = try await Self.policy.deliveryTarget(for: "http://user:pw@hooks.example.com:8080/in/bound?x=1&y=%20")
        #expect(target.url == "http://user:pw@93.184.216.34:8080/in/bound?x=1&y=%20")
        #expect(target.hostHeader == "hooks.example.com:8080")
        let v6 = try await Self.policy.deliveryTarget(for: "http://v6only.example.com/hook")
        #expect(v6.url == "http://[2606:2800:220:1:248:1893:25c8:1946]/hook")
        #expect(v6.hostHeader == "v6only.example.com")
    }

    @Test("https is checked but keeps its name (certificates are for names)")
    func httpsChecked() async throws {
        let target = try await Self.policy.deliveryTarget(for: "https://hooks.example.com/in")
        #expect(target == DeliveryTarget(url: "https://hooks.example.com/in", hostHeader: nil))
        await #expect(throws: DeliveryTargetRefused.self) { try await Self.policy.deliveryTarget(for: "https://rebound.example.com/in") }
    }

    @Test("refused at delivery", arguments: [
        ("http://rebound.example.com/in", "loopback"),
        ("http://mixed.example.com/in", "private"),
        ("http://127.0.0.1:8080/in", "loopback"),
        ("http://localhost/in", "loopback"),
        ("http://metadata.google.internal/x", "metadata"),
        ("http://nowhere.example.com/in", "does not resolve"),
        ("ftp://hooks.example.com/in", "http or https"),
    ])
    func refused(url: String, reason: String) async {
        do {
            _ = try await Self.policy.deliveryTarget(for: url)
            Issue.record("\(url) was allowed")
        } catch {
            #expect(error.reason.contains(reason), "\(error.reason)")
        }
    }

    @Test("with private targets allowed, loopback is used as is; metadata hosts never")
    func privateAllowed() async throws {
        let policy = WebhookTargetPolicy(allowPrivateTargets: true, resolver: Self.resolver([:]))
        let target = try await policy.deliveryTarget(for: "http://127.0.0.1:9000/hook")
        #expect(target == DeliveryTarget(url: "http://127.0.0.1:9000/hook", hostHeader: nil))
        await #expect(throws: DeliveryTargetRefused.self) { try await policy.deliveryTarget(for: "http://metadata/x") }
    }
}
