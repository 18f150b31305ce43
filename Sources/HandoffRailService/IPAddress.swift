#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address as raw network-order bytes, with the question webhook targets need
/// answered: is it somewhere only the server's own network can reach?
///
/// ```swift
/// IPAddress(literal: "10.1.2.3")?.nonPublicCategory    // "private"
/// IPAddress(literal: "::ffff:127.0.0.1")?.nonPublicCategory // "loopback"
/// IPAddress(literal: "93.184.216.34")?.nonPublicCategory // nil
/// ```
package enum IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// 4 bytes.
    case v4([UInt8])
    /// 16 bytes.
    case v6([UInt8])

    /// Parses a strict literal: dotted-quad IPv4 or textual IPv6 (brackets allowed). Other
    /// spellings ("127.1", "0x7f000001") are left to the resolver, which normalises them.
    package init?(literal: String) {
        var text = literal
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            self = .v4(withUnsafeBytes(of: &v4) { Array($0) })
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            self = .v6(withUnsafeBytes(of: &v6) { Array($0) })
            return
        }
        return nil
    }

    /// Why the address is not a public unicast address ("loopback", "private", "link-local",
    /// "unspecified", "multicast", "reserved", "carrier-grade NAT", "unique local"), or nil
    /// when it is public. IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64,
    /// 6to4) are judged by that address.
    package var nonPublicCategory: String? {
        switch self {
        case .v4(let bytes): return Self.category(ofIPv4: bytes)
        case .v6(let bytes): return Self.category(ofIPv6: bytes)
        }
    }

    package var description: String {
        switch self {
        case .v4(let bytes): return bytes.map(String.init).joined(separator: ".")
        case .v6(let bytes):
            return stride(from: 0, to: 16, by: 2)
                .map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
                .joined(separator: ":")
        }
    }

    private static func category(ofIPv4 bytes: [UInt8]) -> String? {
        let (a, b) = (bytes[0], bytes[1])
        switch a {
        case 0 where bytes == [0, 0, 0, 0]: return "unspecified"
        case 0: return "reserved"                                   // 0.0.0.0/8 "this network"
        case 10: return "private"                                   // 10/8
        case 100 where (64...127).contains(b): return "carrier-grade NAT" // 100.64/10
        case 127: return "loopback"                                 // 127/8
        case 169 where b == 254: return "link-local"                // 169.254/16 (cloud metadata)
        case 172 where (16...31).contains(b): return "private"      // 172.16/12
        case 192 where b == 168: return "private"                   // 192.168/16
        case 192 where b == 0 && bytes[2] == 0: return "reserved"   // 192.0.0/24 protocol assignments
        case 198 where b == 18 || b == 19: return "reserved"        // 198.18/15 benchmarking
        case 224...239: return "multicast"                          // 224/4
        case 240...255: return "reserved"                           // 240/4 and broadcast
        default: return nil
        }
    }

    private static func category(ofIPv6 bytes: [UInt8]) -> String? {
        let first10 = bytes[0..<10]
        if bytes.allSatisfy({ $0 == 0 }) { return "unspecified" }                       // ::
        if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return "loopback" } // ::1
        if first10.allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {   // ::ffff:a.b.c.d
            return category(ofIPv4: Array(bytes[12..<16]))
        }
        if bytes[0..<12].allSatisfy({ $0 == 0 }) {                                       // ::a.b.c.d (deprecated)
            return category(ofIPv4: Array(bytes[12..<16])) ?? "reserved"
        }
        if bytes[0..<12] == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0] {           // 64:ff9b::/96 NAT64
            return category(ofIPv4: Array(bytes[12..<16]))
        }
        if bytes[0] == 0x20 && bytes[1] == 0x02 {                                        // 2002::/16 6to4
            return category(ofIPv4: Array(bytes[2..<6]))
        }
        if bytes[0] & 0xFE == 0xFC { return "unique local" }                              // fc00::/7
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return "link-local" }            // fe80::/10
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0xC0 { return "site-local" }            // fec0::/10 (deprecated)
        if bytes[0] == 0xFF { return "multicast" }                                        // ff00::/8
        return nil
    }
}
