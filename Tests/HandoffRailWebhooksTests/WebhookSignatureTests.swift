import Foundation
import HandoffRailWebhooks
import Testing

/// Known answers, computed independently with Python's standard library:
///
/// ```python
/// import hmac, hashlib
/// secret = b"whsec-test-0123456789"
/// body = b'{"type":"packet.created","packet_id":"6f1c2d7e-8a9b-4c3d-9e8f-0a1b2c3d4e5f","data":{"status":"created"},"timestamp":"2026-11-22T08:00:00Z"}'
/// hmac.new(secret, body, hashlib.sha256).hexdigest()
/// # 7a899718735fe29eed4d3c6240e80a6ce657da790dcc9b733bf4e960fb75d07f
/// hmac.new(secret, b"1763798400." + body, hashlib.sha256).hexdigest()
/// # 9daab53f60a9cd2ac7647b38441532087c57745f1213b62a03f5a8ce9b67b717
/// ```
enum KnownAnswer {
    static let secret = "whsec-test-0123456789"
    static let body = Data(#"{"type":"packet.created","packet_id":"6f1c2d7e-8a9b-4c3d-9e8f-0a1b2c3d4e5f","data":{"status":"created"},"timestamp":"2026-11-22T08:00:00Z"}"#.utf8)
    static let timestamp: Int64 = 1_763_798_400
    static let legacy = "sha256=7a899718735fe29eed4d3c6240e80a6ce657da790dcc9b733bf4e960fb75d07f"
    static let timestamped = "t=1763798400,v1=9daab53f60a9cd2ac7647b38441532087c57745f1213b62a03f5a8ce9b67b717"
    static var signingTime: Date { Date(timeIntervalSince1970: Double(timestamp)) }
}

@Suite("Webhook signatures")
struct WebhookSignatureTests {
    @Test("the compatible signature matches Python's hmac")
    func legacyKnownAnswer() {
        #expect(WebhookSignature.legacy(body: KnownAnswer.body, secret: KnownAnswer.secret) == KnownAnswer.legacy)
    }

    @Test("the timestamped signature signs \"t.body\" like Python's hmac")
    func timestampedKnownAnswer() {
        let value = WebhookSignature.timestamped(body: KnownAnswer.body, secret: KnownAnswer.secret, timestamp: KnownAnswer.timestamp)
        #expect(value == KnownAnswer.timestamped)
    }

    @Test("a delivery carries all three signature headers, with whole-second timestamps")
    func headers() {
        let signedAt = KnownAnswer.signingTime.addingTimeInterval(0.75)
        let headers = WebhookSignature.headers(body: KnownAnswer.body, secret: KnownAnswer.secret, at: signedAt)
        #expect(headers.map(\.name) == [WebhookHeaders.signature, WebhookHeaders.timestamp, WebhookHeaders.signatureV2])
        #expect(headers.map(\.value) == [KnownAnswer.legacy, "1763798400", KnownAnswer.timestamped])
    }

    @Test("header names keep the Python service's spelling")
    func headerNames() {
        #expect(WebhookHeaders.signature == "X-HR-Signature")
        #expect(WebhookHeaders.event == "X-HR-Event")
        #expect(WebhookHeaders.delivery == "X-HR-Delivery")
    }
}
