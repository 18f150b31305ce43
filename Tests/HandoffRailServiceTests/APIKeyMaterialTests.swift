import Foundation
@testable import HandoffRailService
import Testing

@Suite("API key material")
struct APIKeyMaterialTests {
    @Test("a generated key is hr_ plus 43 base64url characters, and keys differ")
    func generatedKeyShape() {
        let keys = (0..<50).map { _ in APIKeyGenerator.makeKey() }
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for key in keys {
            #expect(key.hasPrefix("hr_"))
            #expect(key.count == 3 + 43)
            #expect(key.dropFirst(3).allSatisfy(alphabet.contains))
        }
        #expect(Set(keys).count == keys.count)
    }

    @Test("the displayed prefix is the first 8 characters")
    func displayedPrefix() {
        #expect(APIKeyGenerator.prefix(of: "hr_abcdefghij") == "hr_abcde")
    }

    @Test("hashes are lowercase hex SHA-256")
    func sha256Vectors() {
        #expect(APIKeyHash.hex(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(APIKeyHash.hex(of: "") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("constant-time comparison is equality")
    func constantTimeComparison() {
        let hash = APIKeyHash.hex(of: "hr_one")
        #expect(APIKeyHash.constantTimeEquals(hash, APIKeyHash.hex(of: "hr_one")))
        #expect(!APIKeyHash.constantTimeEquals(hash, APIKeyHash.hex(of: "hr_two")))
        #expect(!APIKeyHash.constantTimeEquals(hash, String(hash.dropLast())))
        #expect(!APIKeyHash.constantTimeEquals(hash, String(hash.dropLast()) + "x"))
    }

    @Test("base64url encoding has no padding and uses - and _")
    func base64URL() {
        #expect(APIKeyGenerator.base64URLEncoded([0xFB, 0xFF]) == "-_8")
        #expect(APIKeyGenerator.base64URLEncoded([0x66, 0x6F, 0x6F]) == "Zm9v")
    }
}
