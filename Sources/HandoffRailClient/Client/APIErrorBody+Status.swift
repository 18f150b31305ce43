import Foundation
import HandoffRailModels

extension APIErrorBody {
    /// An error answer decoded by its status alone, for requests made outside the generated
    /// operations (the live-event streams, the WebSocket upgrade check, the agents' tool
    /// dispatcher): the shape the spec gives that status — the claim conflict for 409, the size
    /// limit for 413, field issues for 400 and 422, the rate limit for 429 — else
    /// ``ErrorDetail``, else the raw bytes.
    package init(decoding data: Data, statusCode: Int) {
        if data.isEmpty {
            self = .empty
            return
        }
        switch statusCode {
        case 409:
            if let conflict = try? HandoffRailJSON.decode(ClaimConflictError.self, from: data) { self = .claimConflictError(conflict); return }
        case 413:
            if let tooLarge = try? HandoffRailJSON.decode(PayloadTooLargeError.self, from: data) { self = .payloadTooLargeError(tooLarge); return }
        case 400, 422:
            if let invalid = try? HandoffRailJSON.decode(HTTPValidationError.self, from: data) { self = .httpValidationError(invalid); return }
        case 429:
            if let limited = try? HandoffRailJSON.decode(RateLimitError.self, from: data) { self = .rateLimitError(limited); return }
        default:
            break
        }
        if let detail = try? HandoffRailJSON.decode(ErrorDetail.self, from: data) {
            self = .errorDetail(detail)
        } else {
            self = .undocumented(data)
        }
    }
}
