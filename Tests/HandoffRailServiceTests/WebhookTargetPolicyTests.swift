@testable import HandoffRailService
import Testing

@Suite("webhook target policy (SSRF)")
struct WebhookTargetPolicyTests {
    /// Answers from a table; unknown names do not resolve.
    private static let resolver = HostNameResolver { host in
        let table: [String: [String]] = [
            "public.example": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"],
            "internal.example": ["93.184.216.34", "10.0.0.7"],
            "rebind.example": ["::ffff:127.0.0.1"],
            "v6local.example": ["fd12:3456::1"],
        ]
        return (table[host] ?? []).compactMap(IPAddress.init(literal:))
    }

    private let strict = WebhookTargetPolicy(allowPrivateTargets: false, resolver: Self.resolver)

    @Test("non-public literals are blocked", arguments: [
        "http://127.0.0.1/hook", "http://127.8.9.10:8080/", "http://10.1.2.3/", "http://172.16.0.1/", "http://172.31.255.255/",
        "http://192.168.1.1/", "http://100.64.0.1/", "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/",
        "http://224.0.0.1/", "http://255.255.255.255/", "http://[::1]/", "http://[::]/", "http://[fc00::1]/", "http://[fd00::abcd]/",
        "http://[fe80::1]/", "http://[ff02::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/",
        "http://[::ffff:169.254.169.254]/", "http://[64:ff9b::a00:1]/", "http://[2002:c0a8:101::1]/",
    ])
    func blockedLiterals(url: String) async throws {
        let error = try await expectServiceError(422) { try await strict.check(url) }
        #expect(error.detail.contains("blocked"))
        #expect(error.field == "url")
    }

    @Test("loopback and metadata host names are blocked", arguments: [
        "http://localhost/", "http://LOCALHOST:9000/x", "http://localhost./", "https://api.localhost/",
        "http://metadata/", "http://metadata.google.internal/computeMetadata/v1/", "http://instance-data/latest",
    ])
    func blockedNames(url: String) async throws {
        let error = try await expectServiceError(422) { try await strict.check(url) }
        #expect(error.detail.contains("blocked"))
    }

    @Test("names resolving to any non-public address are blocked")
    func blockedResolutions() async throws {
        for url in ["https://internal.example/h", "http://rebind.example/", "http://v6local.example/"] {
            let error = try await expectServiceError(422) { try await strict.check(url) }
            #expect(error.detail.contains("blocked"))
        }
    }

    @Test("public addresses, public names and names that do not resolve are allowed", arguments: [
        "https://public.example/hooks", "http://93.184.216.34/", "https://[2606:2800:220:1:248:1893:25c8:1946]/",
        "https://does-not-resolve.example/in", "http://172.32.0.1/", "http://100.128.0.1/", "http://192.169.0.1/",
    ])
    func allowed(url: String) async throws {
        try await strict.check(url)
    }

    @Test("non-http URLs and URLs without a host are refused", arguments: [
        "ftp://public.example/", "file:///etc/passwd", "gopher://public.example/", "http://", "not a url",
    ])
    func invalidURLs(url: String) async throws {
        try await expectServiceError(422) { try await strict.check(url) }
    }

    @Test("allowing private targets skips the address rules but not the metadata names")
    func allowPrivate() async throws {
        let relaxed = WebhookTargetPolicy(allowPrivateTargets: true, resolver: Self.resolver)
        for url in ["http://127.0.0.1:8080/hook", "http://localhost:9000/", "http://10.0.0.1/", "http://internal.example/"] {
            try await relaxed.check(url)
        }
        try await expectServiceError(422) { try await relaxed.check("http://metadata.google.internal/") }
    }

    @Test("the system resolver turns odd IPv4 spellings into loopback")
    func systemResolverNormalises() async throws {
        let system = WebhookTargetPolicy(allowPrivateTargets: false)
        for url in ["http://2130706433/", "http://127.1/", "http://0x7f000001/"] {
            let error = try await expectServiceError(422) { try await system.check(url) }
            #expect(error.detail.contains("blocked"))
        }
    }

    @Test("address categories")
    func categories() {
        #expect(IPAddress(literal: "8.8.8.8")?.nonPublicCategory == nil)
        #expect(IPAddress(literal: "127.0.0.1")?.nonPublicCategory == "loopback")
        #expect(IPAddress(literal: "10.0.0.1")?.nonPublicCategory == "private")
        #expect(IPAddress(literal: "169.254.1.1")?.nonPublicCategory == "link-local")
        #expect(IPAddress(literal: "::ffff:8.8.8.8")?.nonPublicCategory == nil)
        #expect(IPAddress(literal: "[fe80::1]")?.nonPublicCategory == "link-local")
        #expect(IPAddress(literal: "example.com") == nil)
        #expect(IPAddress(literal: "::1")?.description == "0:0:0:0:0:0:0:1")
    }
}
