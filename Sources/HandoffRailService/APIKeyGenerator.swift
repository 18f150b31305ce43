import Foundation

/// Makes plain API keys: `hr_` followed by 32 random bytes in base64url without padding
/// (43 characters), read from the system's cryptographically secure generator.
///
/// The plain key is shown to its owner once; only ``APIKeyHash/hex(of:)`` is stored.
///
/// ```swift
/// let key = APIKeyGenerator.makeKey()        // "hr_Qm9v…"
/// let prefix = APIKeyGenerator.prefix(of: key) // "hr_Qm9v…" (8 characters)
/// ```
package enum APIKeyGenerator {
    /// Every plain key starts with this.
    package static let keyPrefix = "hr_"

    /// The number of leading characters of a key that are stored and shown as `key_prefix`.
    package static let displayedPrefixLength = 8

    /// A new plain key from 32 bytes of `SystemRandomNumberGenerator`.
    package static func makeKey() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return keyPrefix + base64URLEncoded(bytes)
    }

    /// The first 8 characters of a plain key (what `key_prefix` shows).
    package static func prefix(of plainKey: String) -> String {
        String(plainKey.prefix(displayedPrefixLength))
    }

    /// Base64url (RFC 4648 §5) without `=` padding.
    static func base64URLEncoded(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
