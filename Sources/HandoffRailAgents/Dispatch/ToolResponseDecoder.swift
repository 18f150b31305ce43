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
        HandoffRailError(operationID: operationID, response: response, body: APIErrorBody(decoding: response.body, statusCode: response.statusCode))
    }
}
