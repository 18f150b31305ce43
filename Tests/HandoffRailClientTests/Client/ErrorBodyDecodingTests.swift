import Foundation
@testable import HandoffRailClient
import HandoffRailModels
import Testing

/// Error answers of requests made outside the generated operations (live events, the
/// WebSocket upgrade check, the agents' tool dispatcher) are decoded by status alone.
@Suite("Client errors: error bodies decoded by status")
struct ErrorBodyDecodingTests {
    enum Shape: String, CaseIterable { case empty, claimConflict, payloadTooLarge, validation, rateLimit, detail, undocumented }

    struct Case: Sendable, CustomTestStringConvertible {
        var status: Int
        var body: String
        var expected: Shape
        var testDescription: String { "\(status) \(body.prefix(40)) → \(expected)" }
    }

    static let cases: [Case] = [
        Case(status: 401, body: "", expected: .empty),
        Case(status: 409, body: #"{"detail":{"message":"Packet is already claimed","claimed_by":{"id":"b-1","name":"B"}}}"#, expected: .claimConflict),
        Case(status: 409, body: #"{"detail":"Packet is not in a claimable state"}"#, expected: .detail),
        Case(status: 413, body: #"{"detail":"Payload too large","tier":"free"}"#, expected: .payloadTooLarge),
        Case(status: 422, body: #"{"detail":[{"loc":["body","summary"],"msg":"Field required","type":"missing"}]}"#, expected: .validation),
        Case(status: 400, body: #"{"detail":[{"loc":["query","limit"],"msg":"bad","type":"value_error"}]}"#, expected: .validation),
        Case(status: 422, body: #"{"detail":"Unprocessable"}"#, expected: .detail),
        Case(status: 429, body: #"{"detail":"Rate limit exceeded","field":"rate_limit"}"#, expected: .rateLimit),
        Case(status: 429, body: #"{"detail":"Too many live connections"}"#, expected: .detail),
        Case(status: 403, body: #"{"detail":"Insufficient permissions"}"#, expected: .detail),
        Case(status: 502, body: "<html>Bad gateway</html>", expected: .undocumented),
    ]

    @Test("each status's documented shape, else ErrorDetail, else the raw bytes", arguments: cases)
    func decodesByStatus(_ example: Case) {
        let body = APIErrorBody(decoding: Data(example.body.utf8), statusCode: example.status)
        #expect(Self.shape(of: body) == example.expected)
        if case .undocumented(let data) = body { #expect(data == Data(example.body.utf8)) }
    }

    static func shape(of body: APIErrorBody) -> Shape {
        switch body {
        case .empty: .empty
        case .claimConflictError: .claimConflict
        case .payloadTooLargeError: .payloadTooLarge
        case .httpValidationError: .validation
        case .rateLimitError: .rateLimit
        case .errorDetail: .detail
        case .undocumented: .undocumented
        @unknown default: .undocumented
        }
    }
}
