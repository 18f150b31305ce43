import Crypto

/// The `Idempotency-Key` of one batch request: a SHA-256 of its lines' exact bytes.
///
/// Running the same file again sends the same batches with the same keys, and the server
/// answers each with its first answer (for 24 hours) instead of creating the packets again.
/// Appending lines to a file leaves the earlier batches, and so their keys, unchanged.
///
/// ```swift
/// BatchIdempotencyKey.make(lines: batch.map(\.bytes))   // "cli-batch-3f1a…" (74 characters)
/// ```
enum BatchIdempotencyKey {
    static func make(lines: [[UInt8]]) -> String {
        var hasher = SHA256()
        for (index, line) in lines.enumerated() {
            if index > 0 { hasher.update(data: [0x0A]) }
            hasher.update(data: line)
        }
        let digits = Array("0123456789abcdef")
        var text = "cli-batch-"
        for byte in hasher.finalize() {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }
}
