import Foundation
import HandoffRailModels

extension HandoffRailError {
    /// Every field issue of a validation failure, with its location (`loc`), in the server's
    /// order; empty when the error carries none (a 400 "Cannot transition" has a `detail` only).
    ///
    /// ```swift
    /// for issue in error.validationIssues { print(issue.locationPath, issue.msg) }
    /// // body.metadata.source_agent.id Field required
    /// ```
    public var validationIssues: [ValidationIssue] {
        let entries: [ValidationError]
        switch body {
        case .httpValidationError(let error)?: entries = error.detail
        case .unprocessableError(.httpValidationError(let error))?: entries = error.detail
        default: return []
        }
        return entries.map { entry in
            ValidationIssue(type: entry.type, loc: entry.loc.map(JSONPathComponent.init), msg: entry.msg, input: entry.input ?? .null, ctx: entry.ctx)
        }
    }

    /// Who holds the packet, when a claim failed with 409 because it is already claimed; nil
    /// when a handoff rule refused the claim (see ``blockingRule``) — that 409's `claimed_by`
    /// is only the packet's addressee, nobody holds it.
    ///
    /// ```swift
    /// if let holder = error.claimant { print("claimed by \(holder.name) (\(holder.id))") }
    /// ```
    public var claimant: TargetAgentInfo? {
        if case .claimConflictError(let conflict)? = body, conflict.code != BlockingRule.conflictCode {
            return conflict.detail.claimedBy
        }
        return nil
    }

    /// The `block_claim` handoff rule that refused a claim (409 `code: rule_blocked`), if one did.
    ///
    /// ```swift
    /// if let rule = error.blockingRule { print("blocked by \(rule.name): \(rule.reason ?? "")") }
    /// // blocked by refunds-need-approval: a manager must approve refunds first
    /// ```
    public var blockingRule: BlockingRule? {
        guard case .claimConflictError(let conflict)? = body, conflict.code == BlockingRule.conflictCode else { return nil }
        return BlockingRule(name: conflict.rule, id: conflict.ruleId, reason: conflict.reason)
    }

    /// The server's human-readable `detail` (for a validation failure: its first message).
    public var detail: String? {
        switch body {
        case .errorDetail(let error)?: return error.detail
        case .unprocessableError(.errorDetail(let error))?: return error.detail
        case .httpValidationError(let error)?, .unprocessableError(.httpValidationError(let error))?: return error.detail.first?.msg
        case .rateLimitError(let error)?: return error.detail.rawValue
        case .payloadTooLargeError(let error)?: return error.detail
        case .claimConflictError(let error)?: return error.detail.message
        case .readinessStatus(let status)?: return "status \(status.status)"
        case .undocumented(let data)?: return Self.detail(inUndocumented: data)
        case .empty?, nil: return nil
        }
    }

    /// The server's machine-readable `code` (`"daily_limit_exceeded"`, …), when it sent one.
    public var serverCode: String? {
        switch body {
        case .errorDetail(let error)?, .unprocessableError(.errorDetail(let error))?: return error.code
        case .claimConflictError(let error)?: return error.code
        default: return nil
        }
    }

    /// The request field the server's error is about (`"rate_limit"`, `"handoffs_per_day"`, …).
    public var field: String? {
        switch body {
        case .errorDetail(let error)?, .unprocessableError(.errorDetail(let error))?: return error.field
        case .rateLimitError(let error)?: return error.field.rawValue
        default: return nil
        }
    }

    /// A `detail` string from a body the spec does not document for the status, if it has one;
    /// otherwise the start of the text.
    private static func detail(inUndocumented data: Data) -> String? {
        guard !data.isEmpty else { return nil }
        if let json = try? JSONValue(parsing: data), case .string(let detail)? = json["detail"] { return detail }
        let text = String(decoding: data.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}

/// A handoff rule that refused a claim, as named by the server's 409 (`rule`, `rule_id`,
/// `reason`); the claim succeeds once the rule's condition holds for the packet.
public struct BlockingRule: Sendable, Hashable {
    /// The `code` of a claim conflict caused by a rule.
    public static let conflictCode = "rule_blocked"

    /// The rule's name (unique within the tenant).
    public var name: String?
    /// The rule's id.
    public var id: UUID?
    /// Why claims wait, e.g. "a manager must approve refunds first".
    public var reason: String?

    public init(name: String?, id: UUID?, reason: String?) {
        self.name = name
        self.id = id
        self.reason = reason
    }
}

extension JSONPathComponent {
    /// The validator path component for a generated `loc` item.
    init(_ item: ValidationError.LocItem) {
        switch item {
        case .string(let key): self = .key(key)
        case .integer(let index): self = .index(index)
        }
    }
}

extension ValidationIssue {
    /// The location as one readable path: `body.actions.pending[0].id`.
    public var locationPath: String { loc.readablePath }
}
