import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves a host name to all its addresses with the system resolver (`getaddrinfo`), off the
/// cooperative thread pool because the call blocks for as long as DNS takes.
///
/// A name that does not resolve gives an empty list, not an error: webhook registration allows
/// such names (the delivery will fail instead).
///
/// ```swift
/// let addresses = await HostNameResolver.system.addresses(of: "example.com")
/// ```
package struct HostNameResolver: Sendable {
    private let lookUp: @Sendable (String) async -> [IPAddress]

    /// A resolver answering with `lookUp` (tests use a table).
    package init(_ lookUp: @escaping @Sendable (String) async -> [IPAddress]) {
        self.lookUp = lookUp
    }

    /// Every address `host` resolves to (IPv4 and IPv6), or `[]`.
    package func addresses(of host: String) async -> [IPAddress] {
        await lookUp(host)
    }

    /// The operating system's resolver.
    package static let system = HostNameResolver { host in
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: getAddressInfo(host))
            }
        }
    }

    private static func getAddressInfo(_ host: String) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc) || canImport(Musl)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else { return [] }
        defer { freeaddrinfo(first) }

        var addresses: [IPAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let socketAddress = entry.pointee.ai_addr {
                switch entry.pointee.ai_family {
                case AF_INET:
                    let raw = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
                    addresses.append(.v4(withUnsafeBytes(of: raw) { Array($0) }))
                case AF_INET6:
                    let raw = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
                    addresses.append(.v6(withUnsafeBytes(of: raw) { Array($0) }))
                default:
                    break
                }
            }
            cursor = entry.pointee.ai_next
        }
        return addresses
    }
}
