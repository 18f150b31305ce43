import Foundation

/// Decides whether a webhook URL may be registered (and, for the delivery worker, called): the
/// server must not become a proxy into its own network (SSRF).
///
/// Rules, in order:
/// 1. the URL is `http` or `https` with a host;
/// 2. cloud metadata host names (`metadata`, `metadata.google.internal`, `instance-data` …) are
///    always blocked;
/// 3. unless private targets are allowed (tests, local setups): `localhost` and `*.localhost`
///    are blocked, and so is a host that is, or resolves to, any non-public address —
///    loopback, private, carrier-grade NAT, link-local, unspecified, multicast, reserved,
///    IPv6 unique-local/link-local, and IPv4-embedding IPv6 forms of those. A name that does
///    not resolve is allowed.
///
/// ```swift
/// let policy = WebhookTargetPolicy(allowPrivateTargets: false)
/// try await policy.check("http://169.254.169.254/latest")   // throws 422 "… blocked …"
/// try await policy.check("https://hooks.example.com/in")    // passes
/// ```
package struct WebhookTargetPolicy: Sendable {
    /// Host names of cloud instance-metadata services.
    package static let metadataHostNames: Set<String> = [
        "metadata", "metadata.google.internal", "metadata.goog", "instance-data",
        "instance-data.ec2.internal", "metadata.azure.internal", "metadata.tencentyun.com",
    ]

    /// Host names that always mean this machine.
    package static let loopbackHostNames: Set<String> = [
        "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback",
    ]

    package var allowPrivateTargets: Bool
    package var resolver: HostNameResolver

    package init(allowPrivateTargets: Bool, resolver: HostNameResolver = .system) {
        self.allowPrivateTargets = allowPrivateTargets
        self.resolver = resolver
    }

    /// Throws ``ServiceError`` 422 (field `url`) when `url` is not an acceptable target; the
    /// detail of a refused address contains "blocked".
    package func check(_ url: String) async throws {
        guard let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https"
        else {
            throw ServiceError.unprocessable("Webhook URL must be an http or https URL", code: "invalid_url", field: "url")
        }
        let host = Self.normalisedHost(components.host ?? "")
        guard !host.isEmpty else {
            throw ServiceError.unprocessable("Webhook URL must have a host", code: "invalid_url", field: "url")
        }

        if Self.metadataHostNames.contains(host) {
            throw blocked("\(host) is a cloud metadata host")
        }
        guard !allowPrivateTargets else { return }
        if Self.loopbackHostNames.contains(host) || host.hasSuffix(".localhost") {
            throw blocked("\(host) is a loopback host name")
        }
        if let literal = IPAddress(literal: host) {
            if let category = literal.nonPublicCategory {
                throw blocked("\(literal) is a \(category) address")
            }
            return
        }
        for address in await resolver.addresses(of: host) {
            if let category = address.nonPublicCategory {
                throw blocked("\(host) resolves to a \(category) address (\(address))")
            }
        }
    }

    /// Lowercased, without IPv6 brackets or a trailing dot (`LOCALHOST.` is `localhost`).
    static func normalisedHost(_ host: String) -> String {
        var text = host.lowercased()
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }

    private func blocked(_ reason: String) -> ServiceError {
        .unprocessable("Webhook URL is blocked: \(reason)", code: "blocked_url", field: "url")
    }
}
