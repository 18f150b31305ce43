import HandoffRailWebhooks
import Testing

@Suite struct WebhookHeadersTests {
    @Test func compatibleSignatureHeaderKeepsThePythonName() {
        #expect(WebhookHeaders.signature == "X-HR-Signature")
    }
}
