import Foundation

/// The stored form of an API key (lowercase hex SHA-256 of the plain key) and a comparison of
/// two such hashes whose time does not depend on where they differ.
///
/// ```swift
/// let stored = APIKeyHash.hex(of: plainKey)
/// APIKeyHash.constantTimeEquals(stored, APIKeyHash.hex(of: presented)) // true
/// ```
package enum APIKeyHash {
    /// Lowercase hex SHA-256 of the key's UTF-8 bytes.
    package static func hex(of plainKey: String) -> String {
        SHA256Hex.digest(of: Array(plainKey.utf8))
    }

    /// Whether two hashes are equal, looking at every byte whatever the first difference.
    /// Different lengths are unequal (hash lengths are public knowledge, not secret).
    package static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices {
            difference |= left[index] ^ right[index]
        }
        return difference == 0
    }
}
