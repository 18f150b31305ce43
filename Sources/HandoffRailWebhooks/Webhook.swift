import Crypto
import Foundation
import HandoffRailModels

/// Verifies HandoffRail webhook deliveries on the receiving side.
///
/// A receiver reads the raw request body (the exact bytes, before any JSON parsing) and the
/// headers, and calls ``verify(body:headers:secret:tolerance:allowLegacySignature:now:)``
/// with the secret it registered the hook with:
///
/// ```swift
/// import HandoffRailWebhooks
///
/// router.post("/handoffrail") { request, context -> HTTPResponse.Status in
///     let body = try await request.body.collect(upTo: 1 << 20)
///     var headers: [String: String] = [:]
///     for field in request.headers { headers[field.name.rawName] = field.value }
///     do {
///         let event = try Webhook.verifiedEvent(body: Data(buffer: body), headers: headers, secret: secret)
///         try await handle(event)          // dedupe on headers["X-HR-Delivery"]
///         return .ok
///     } catch is WebhookVerificationError {
///         return .unauthorized
///     }
/// }
/// ```
///
/// Deliveries are at-least-once: the same `X-HR-Delivery` id may arrive more than once (a
/// retry after a timeout, a crash between sending and recording). Deduplicate on it.
public enum Webhook {
    /// The default tolerance between the signing time and now: five minutes.
    public static let defaultTolerance: TimeInterval = 300

    /// Checks that `body` was signed by HandoffRail with `secret`.
    ///
    /// The timestamped signature (`X-HR-Signature-V2: t=…,v1=…`) is required and checked:
    /// its `t` must be within `tolerance` seconds of `now`, and one of its `v1=` values must be
    /// the HMAC-SHA256 of `"<t>.<body>"` (compared in constant time). Only when
    /// `allowLegacySignature` is true and the V2 header is absent is the compatible
    /// `X-HR-Signature: sha256=…` accepted alone — it cannot detect a replayed delivery.
    ///
    /// Header names are matched case-insensitively.
    ///
    /// - Throws: ``WebhookVerificationError``.
    public static func verify(
        body: some DataProtocol,
        headers: [String: String],
        secret: String,
        tolerance: TimeInterval = defaultTolerance,
        allowLegacySignature: Bool = false,
        now: Date = Date()
    ) throws(WebhookVerificationError) {
        let key = WebhookSignature.key(secret)
        if let value = header(WebhookHeaders.signatureV2, in: headers) {
            let signature = try TimestampedSignature(parsing: value)
            guard abs(now.timeIntervalSince1970 - Double(signature.timestamp)) <= tolerance else {
                throw WebhookVerificationError(.staleTimestamp)
            }
            let payload = WebhookSignature.signedPayload(body: body, timestamp: signature.timestamp)
            for code in signature.codes where HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: payload, using: key) {
                return
            }
            throw WebhookVerificationError(.signatureMismatch)
        }
        guard allowLegacySignature, let value = header(WebhookHeaders.signature, in: headers) else {
            throw WebhookVerificationError(.missingSignature)
        }
        guard value.hasPrefix(WebhookSignature.legacyPrefix),
              let code = Hex.decode(value.dropFirst(WebhookSignature.legacyPrefix.count)), code.count == SHA256.byteCount
        else {
            throw WebhookVerificationError(.malformedSignature)
        }
        guard HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: body, using: key) else {
            throw WebhookVerificationError(.signatureMismatch)
        }
    }

    /// ``verify(body:headers:secret:tolerance:allowLegacySignature:now:)``, then decodes the
    /// event JSON (`{"type", "packet_id", "data", "timestamp"}`).
    ///
    /// - Throws: ``WebhookVerificationError``, or a decoding error for a body that is not an event.
    public static func verifiedEvent(
        body: Data,
        headers: [String: String],
        secret: String,
        tolerance: TimeInterval = defaultTolerance,
        allowLegacySignature: Bool = false,
        now: Date = Date()
    ) throws -> Event {
        try verify(body: body, headers: headers, secret: secret, tolerance: tolerance, allowLegacySignature: allowLegacySignature, now: now)
        return try HandoffRailJSON.decode(Event.self, from: body)
    }

    /// The value of header `name`, whatever the case of the key in `headers`.
    static func header(_ name: String, in headers: [String: String]) -> String? {
        if let value = headers[name] { return value }
        let lowered = name.lowercased()
        return headers.first { $0.key.lowercased() == lowered }?.value
    }
}

/// A parsed `X-HR-Signature-V2` value: `t=<unix seconds>,v1=<hex>[,v1=<hex>…]`.
///
/// Several `v1=` entries are allowed so a sender may sign with an old and a new secret while
/// a secret is rotated; unknown `key=value` entries are ignored for future schemes.
struct TimestampedSignature {
    var timestamp: Int64
    var codes: [[UInt8]]

    init(parsing value: String) throws(WebhookVerificationError) {
        var timestamp: Int64?
        var codes: [[UInt8]] = []
        for part in value.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { throw WebhookVerificationError(.malformedSignature) }
            let name = pair[0].trimmingCharacters(in: .whitespaces)
            let text = pair[1].trimmingCharacters(in: .whitespaces)
            switch name {
            case "t":
                guard timestamp == nil, let value = Int64(text) else { throw WebhookVerificationError(.malformedSignature) }
                timestamp = value
            case "v1":
                guard let code = Hex.decode(text), code.count == SHA256.byteCount else {
                    throw WebhookVerificationError(.malformedSignature)
                }
                codes.append(code)
            default:
                continue
            }
        }
        guard let timestamp, !codes.isEmpty else { throw WebhookVerificationError(.malformedSignature) }
        self.timestamp = timestamp
        self.codes = codes
    }
}
