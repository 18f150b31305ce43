import Foundation
import HandoffRailClient
import HandoffRailModels

/// Turns the API's answer to a tool call into the JSON result, or into the client's
/// ``HandoffRailError`` (the same shapes the generated client decodes: a claim conflict with
/// its claimer, a 422 with every field issue, a 429 with its limit, …).
enum ToolResponseDecoder {
    static func decode(_ response: TransportResponse, tool: ToolSpec) throws(ToolCallError) -> JSONValue {
        guard (200..<300).contains(response.statusCode) else {
            throw .api(tool.name, error(for: response, operationID: tool.operationID))
        }
        if response.body.isEmpty { return .null }
        do {
            return try JSONValue(parsing: response.body)
        } catch {
            let failure = HandoffRailError(
                kind: .invalidResponse, statusCode: response.statusCode, operationID: tool.operationID,
                body: .undocumented(response.body), requestID: response.headers["x-request-id"], reason: "the answer is not JSON")
            throw .api(tool.name, failure)
        }
    }

    /// The client error for an error (or unexpected) status.
    static func error(for response: TransportResponse, operationID: String) -> HandoffRailError {
        HandoffRailError(operationID: operationID, response: response, body: body(of: response))
    }

    private static func body(of response: TransportResponse) -> APIErrorBody {
        let data = response.body
        if data.isEmpty { return .empty }
        switch response.statusCode {
        case 409:
            if let conflict = try? HandoffRailJSON.decode(ClaimConflictError.self, from: data) { return .claimConflictError(conflict) }
        case 413:
            if let tooLarge = try? HandoffRailJSON.decode(PayloadTooLargeError.self, from: data) { return .payloadTooLargeError(tooLarge) }
        case 422, 400:
            if let invalid = try? HandoffRailJSON.decode(HTTPValidationError.self, from: data) { return .httpValidationError(invalid) }
        case 429:
            if let limited = try? HandoffRailJSON.decode(RateLimitError.self, from: data) { return .rateLimitError(limited) }
        default:
            break
        }
        if let detail = try? HandoffRailJSON.decode(ErrorDetail.self, from: data) { return .errorDetail(detail) }
        return .undocumented(data)
    }
}
