import Foundation

/// Where one delivery attempt connects, decided right before it is sent.
///
/// A hook's URL was checked when it was registered, but a host name may resolve elsewhere
/// later (DNS rebinding: public at registration, `127.0.0.1` at delivery). So every attempt
/// resolves the host again, refuses non-public addresses, and — for `http` — connects to the
/// very address it checked: the URL's host is replaced by that address and the original goes
/// in the `Host` header, leaving no window for a second, different DNS answer.
///
/// `https` cannot be pinned that way (the certificate is for the name, and AsyncHTTPClient's
/// name override is per client, not per request): the host is checked here and resolved again
/// by the client a moment later. The residual window is that gap — microseconds to the
/// resolver's cache, not the hook's lifetime — and an attacker needs a DNS answer flipping
/// inside it *and* a TLS certificate for the name valid on the internal address.
///
/// ```swift
/// let target = try await policy.deliveryTarget(for: "http://hooks.example.com/in")
/// target.url          // "http://93.184.216.34/in"
/// target.hostHeader   // "hooks.example.com"
/// ```
package struct DeliveryTarget: Sendable, Hashable {
    /// The URL to request.
    package var url: String
    /// The original `Host` when ``url`` carries a pinned address instead of the name.
    package var hostHeader: String?
}

/// A delivery refused by the SSRF rules at send time; `reason` is shown in the delivery's
/// `error` (it names the host and address class, nothing secret).
package struct DeliveryTargetRefused: Error, Sendable, Hashable, CustomStringConvertible {
    package var reason: String
    package var description: String { reason }
}

extension WebhookTargetPolicy {
    /// Resolves and checks `url` for one attempt (see ``DeliveryTarget``). With private targets
    /// allowed (tests, local setups) only the metadata host names are refused and the URL is
    /// used as it is.
    package func deliveryTarget(for url: String) async throws(DeliveryTargetRefused) -> DeliveryTarget {
        guard let components = URLComponents(string: url),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let rawHost = components.host, !rawHost.isEmpty
        else {
            throw DeliveryTargetRefused(reason: "Webhook URL is not an http or https URL with a host")
        }
        let host = Self.normalisedHost(rawHost)
        if Self.metadataHostNames.contains(host) {
            throw DeliveryTargetRefused(reason: "Webhook URL is blocked: \(host) is a cloud metadata host")
        }
        if allowPrivateTargets {
            return DeliveryTarget(url: url, hostHeader: nil)
        }
        if Self.loopbackHostNames.contains(host) || host.hasSuffix(".localhost") {
            throw DeliveryTargetRefused(reason: "Webhook URL is blocked: \(host) is a loopback host name")
        }
        if let literal = IPAddress(literal: host) {
            if let category = literal.nonPublicCategory {
                throw DeliveryTargetRefused(reason: "Webhook URL is blocked: \(literal) is a \(category) address")
            }
            return DeliveryTarget(url: url, hostHeader: nil)
        }
        let addresses = await resolver.addresses(of: host)
        guard let first = addresses.first(where: { if case .v4 = $0 { true } else { false } }) ?? addresses.first else {
            throw DeliveryTargetRefused(reason: "Webhook host \(host) does not resolve")
        }
        for address in addresses {
            if let category = address.nonPublicCategory {
                throw DeliveryTargetRefused(reason: "Webhook URL is blocked: \(host) resolves to a \(category) address (\(address))")
            }
        }
        guard scheme == "http" else {
            return DeliveryTarget(url: url, hostHeader: nil)
        }
        return Self.pinned(components, to: first)
    }

    /// `components` with the host replaced by `address`, and the original host (and port) as
    /// the `Host` header.
    static func pinned(_ components: URLComponents, to address: IPAddress) -> DeliveryTarget {
        let originalHost = components.percentEncodedHost ?? components.host ?? ""
        let port = components.port.map { ":\($0)" } ?? ""
        let addressText: String
        switch address {
        case .v4: addressText = address.description
        case .v6: addressText = "[\(address.description)]"
        }
        var url = (components.scheme ?? "http") + "://"
        if let user = components.percentEncodedUser {
            url += user
            if let password = components.percentEncodedPassword { url += ":" + password }
            url += "@"
        }
        url += addressText + port + components.percentEncodedPath
        if let query = components.percentEncodedQuery { url += "?" + query }
        return DeliveryTarget(url: url, hostHeader: originalHost + port)
    }
}
