import Crypto
import Foundation

/// Computes the signatures a HandoffRail webhook delivery carries.
///
/// Two schemes travel side by side on every delivery:
/// - `X-HR-Signature: sha256=<hex HMAC-SHA256(secret, body)>` — the Python HandoffRail's
///   scheme, kept so existing receivers keep working. It binds the body only, so a captured
///   delivery can be replayed at any later time.
/// - `X-HR-Timestamp: <t>` and `X-HR-Signature-V2: t=<t>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`
///   — binds the body to the signing time, so a receiver can refuse old deliveries
///   (``Webhook/verify(body:headers:secret:tolerance:allowLegacySignature:now:)``).
///
/// ```swift
/// let body = Data(#"{"type":"packet.created"}"#.utf8)
/// WebhookSignature.legacy(body: body, secret: "whsec-0123456789abcdef")
/// // "sha256=…64 hex digits…"
/// WebhookSignature.timestamped(body: body, secret: "whsec-0123456789abcdef", timestamp: 1_700_000_000)
/// // "t=1700000000,v1=…64 hex digits…"
/// ```
public enum WebhookSignature {
    /// The prefix of the compatible signature header's value.
    public static let legacyPrefix = "sha256="

    /// The `X-HR-Signature` value: `sha256=` and the hex HMAC-SHA256 of `body`.
    public static func legacy(body: some DataProtocol, secret: String) -> String {
        legacyPrefix + hex(of: body, secret: secret)
    }

    /// The `X-HR-Signature-V2` value for a delivery signed at `timestamp` (Unix seconds).
    public static func timestamped(body: some DataProtocol, secret: String, timestamp: Int64) -> String {
        "t=\(timestamp),v1=" + hex(of: signedPayload(body: body, timestamp: timestamp), secret: secret)
    }

    /// Every signature header of a delivery of `body` signed at `date`, as (name, value) pairs:
    /// `X-HR-Signature`, `X-HR-Timestamp`, `X-HR-Signature-V2`.
    public static func headers(body: some DataProtocol, secret: String, at date: Date) -> [(name: String, value: String)] {
        let timestamp = Int64(date.timeIntervalSince1970.rounded(.down))
        return [
            (WebhookHeaders.signature, legacy(body: body, secret: secret)),
            (WebhookHeaders.timestamp, String(timestamp)),
            (WebhookHeaders.signatureV2, timestamped(body: body, secret: secret, timestamp: timestamp)),
        ]
    }

    /// The bytes the timestamped scheme signs: `"<t>."` followed by the body.
    static func signedPayload(body: some DataProtocol, timestamp: Int64) -> [UInt8] {
        Array("\(timestamp).".utf8) + Array(body)
    }

    /// The HMAC-SHA256 of `data` keyed with the UTF-8 bytes of `secret`.
    static func code(for data: some DataProtocol, secret: String) -> HMAC<SHA256>.MAC {
        HMAC<SHA256>.authenticationCode(for: data, using: key(secret))
    }

    /// The key made of the secret's UTF-8 bytes (what Python's `secret.encode()` gives).
    static func key(_ secret: String) -> SymmetricKey {
        SymmetricKey(data: Array(secret.utf8))
    }

    private static func hex(of data: some DataProtocol, secret: String) -> String {
        Hex.encode(code(for: data, secret: secret))
    }
}
