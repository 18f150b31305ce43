import Foundation
import HandoffRailClient
import HandoffRailModels

/// The one line a model reads for an API failure: the status, the API's own message, every
/// field issue of a validation failure (located by argument: `context.summary`, not
/// `body.context.summary`), the claimer of a claim conflict — or the handoff rule that
/// blocked the claim, with its reason — and the retry hint.
///
/// `HTTP 409 conflict: Packet … is already claimed; claimed by Billing (billing-01)`
/// `HTTP 409 conflict: Claim blocked by handoff rule 'vip-only'; reason: VIP packets wait for a human`
enum APIErrorMessage {
    static func line(for error: HandoffRailError) -> String {
        var line: String
        if let status = error.statusCode {
            line = "HTTP \(status) \(error.kind.rawValue)"
        } else {
            switch error.kind {
            case .connection: line = "The HandoffRail server could not be reached"
            case .timeout: line = "The HandoffRail server did not answer in time"
            default: line = error.kind.rawValue
            }
        }
        let issues = error.validationIssues
        if !issues.isEmpty {
            line += ": " + issues.map { issue in
                let location = argumentPath(issue.loc)
                return location.isEmpty ? issue.msg : "\(location): \(issue.msg)"
            }.joined(separator: "; ")
        } else if let detail = error.detail ?? error.reason, !detail.isEmpty {
            line += ": " + detail
        }
        if let blocking = error.blockingRule {
            // `claimed_by` is then only the addressee (`claimant` is nil): a rule refuses the claim.
            if let rule = blocking.name ?? blocking.id?.uuidString.lowercased(), !line.contains(rule) {
                line += "; blocked by handoff rule '\(rule)'"
            }
            if let reason = blocking.reason, !reason.isEmpty, !line.contains(reason) { line += "; reason: \(reason)" }
        } else if let claimant = error.claimant {
            line += "; claimed by \(claimant.name) (\(claimant.id))"
        }
        if let retryAfter = error.retryAfter { line += "; retry after \(Int(retryAfter.rounded(.up))) s" }
        return line.replacingOccurrences(of: "\n", with: " ")
    }

    /// A server location as the tool's argument path: `body.context.summary` → `context.summary`,
    /// `query.limit` → `limit`, `body.actions.pending[0].id` → `actions.pending[0].id`.
    static func argumentPath(_ location: [JSONPathComponent]) -> String {
        var components = location[...]
        if case .key(let first)? = components.first, ["body", "query", "path", "header"].contains(first) {
            components = components.dropFirst()
        }
        return components.readablePath
    }
}
