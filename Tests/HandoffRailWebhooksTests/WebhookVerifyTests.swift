import Foundation
import HandoffRailModels
import HandoffRailWebhooks
import Testing

@Suite("Webhook.verify")
struct WebhookVerifyTests {
    let body = KnownAnswer.body
    let secret = KnownAnswer.secret
    let now = KnownAnswer.signingTime.addingTimeInterval(30)

    var bothHeaders: [String: String] {
        [
            "X-HR-Signature": KnownAnswer.legacy,
            "X-HR-Timestamp": String(KnownAnswer.timestamp),
            "X-HR-Signature-V2": KnownAnswer.timestamped,
        ]
    }

    @Test("a fresh timestamped signature verifies, whatever the header case")
    func timestampedAccepted() throws {
        try Webhook.verify(body: body, headers: bothHeaders, secret: secret, now: now)
        let lowercased = Dictionary(uniqueKeysWithValues: bothHeaders.map { ($0.key.lowercased(), $0.value) })
        try Webhook.verify(body: body, headers: lowercased, secret: secret, now: now)
    }

    @Test("a timestamp outside the tolerance is stale, in either direction")
    func staleRejected() {
        for offset in [301.0, -301.0] {
            let error = #expect(throws: WebhookVerificationError.self) {
                try Webhook.verify(body: body, headers: bothHeaders, secret: secret, tolerance: 300,
                                   now: KnownAnswer.signingTime.addingTimeInterval(offset))
            }
            #expect(error?.code == .staleTimestamp)
        }
        #expect(throws: Never.self) {
            try Webhook.verify(body: body, headers: bothHeaders, secret: secret, tolerance: 600,
                               now: KnownAnswer.signingTime.addingTimeInterval(-301))
        }
    }

    @Test("a changed body, a wrong secret or a moved timestamp is a mismatch")
    func tamperingRejected() {
        var changedBody = body
        changedBody[changedBody.startIndex + 10] ^= 0x01
        var movedTimestamp = bothHeaders
        movedTimestamp["X-HR-Signature-V2"] = KnownAnswer.timestamped.replacingOccurrences(of: "t=1763798400", with: "t=1763798401")
        let attempts: [(Data, [String: String], String)] = [
            (changedBody, bothHeaders, secret),
            (body, bothHeaders, secret + "x"),
            (body, movedTimestamp, secret),
        ]
        for (body, headers, secret) in attempts {
            let error = #expect(throws: WebhookVerificationError.self) {
                try Webhook.verify(body: body, headers: headers, secret: secret, now: now)
            }
            #expect(error?.code == .signatureMismatch)
        }
    }

    @Test("the compatible signature alone is refused unless allowed, then verified")
    func legacyOnlyWhenAllowed() throws {
        let legacyOnly = ["x-hr-signature": KnownAnswer.legacy]
        let refused = #expect(throws: WebhookVerificationError.self) {
            try Webhook.verify(body: body, headers: legacyOnly, secret: secret, now: now)
        }
        #expect(refused?.code == .missingSignature)
        // No timestamp in this scheme: any time is accepted.
        try Webhook.verify(body: body, headers: legacyOnly, secret: secret, allowLegacySignature: true, now: .distantFuture)
        let mismatch = #expect(throws: WebhookVerificationError.self) {
            try Webhook.verify(body: body, headers: legacyOnly, secret: "another-secret-123", allowLegacySignature: true, now: now)
        }
        #expect(mismatch?.code == .signatureMismatch)
    }

    @Test("a failing timestamped signature is not rescued by a valid compatible one")
    func noFallbackFromV2() {
        var headers = bothHeaders
        headers["X-HR-Signature-V2"] = "t=1763798400,v1=" + String(repeating: "0", count: 64)
        let error = #expect(throws: WebhookVerificationError.self) {
            try Webhook.verify(body: body, headers: headers, secret: secret, allowLegacySignature: true, now: now)
        }
        #expect(error?.code == .signatureMismatch)
    }

    @Test("one matching v1 among several (secret rotation) is enough")
    func severalCodes() throws {
        let other = WebhookSignature.timestamped(body: body, secret: "old-secret-0123456789", timestamp: KnownAnswer.timestamp)
        let otherCode = try #require(other.split(separator: "=").last)
        var headers = bothHeaders
        headers["X-HR-Signature-V2"] = "t=1763798400,v1=\(otherCode),v1=" + KnownAnswer.timestamped.split(separator: "=").last!
        try Webhook.verify(body: body, headers: headers, secret: secret, now: now)
    }

    @Test("malformed signature headers", arguments: [
        ["X-HR-Signature-V2": "v1=abcd"],
        ["X-HR-Signature-V2": "t=now,v1=" + String(repeating: "a", count: 64)],
        ["X-HR-Signature-V2": "t=1763798400"],
        ["X-HR-Signature-V2": "t=1763798400,v1=zz"],
        ["X-HR-Signature": "md5=abcdef"],
        ["X-HR-Signature": "sha256=abc"],
    ])
    func malformed(headers: [String: String]) {
        let error = #expect(throws: WebhookVerificationError.self) {
            try Webhook.verify(body: body, headers: headers, secret: secret, allowLegacySignature: true, now: now)
        }
        #expect(error?.code == .malformedSignature)
    }

    @Test("no signature at all is missing, and the error never shows the secret")
    func missing() {
        let error = #expect(throws: WebhookVerificationError.self) {
            try Webhook.verify(body: body, headers: ["Content-Type": "application/json"], secret: secret, allowLegacySignature: true, now: now)
        }
        #expect(error?.code == .missingSignature)
        #expect(error?.description == "WebhookVerificationError.missingSignature")
    }

    @Test("verifiedEvent decodes the event after verifying")
    func verifiedEvent() throws {
        let event = try Webhook.verifiedEvent(body: body, headers: bothHeaders, secret: secret, now: now)
        #expect(event.type == .packetCreated)
        #expect(event.packetId == UUID(uuidString: "6f1c2d7e-8a9b-4c3d-9e8f-0a1b2c3d4e5f"))
        #expect(throws: WebhookVerificationError.self) {
            try Webhook.verifiedEvent(body: body, headers: [:], secret: secret, now: now)
        }
    }
}
