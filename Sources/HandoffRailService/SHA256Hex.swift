import Crypto
import Foundation

/// Lowercase hex SHA-256, the one form the service stores and compares digests in (API key
/// hashes, idempotency request hashes).
///
/// ```swift
/// SHA256Hex.digest(of: Array("abc".utf8))   // "ba7816bf…15ad"
/// ```
enum SHA256Hex {
    static func digest(of bytes: some DataProtocol) -> String {
        var text = ""
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    private static let digits = Array("0123456789abcdef")
}
