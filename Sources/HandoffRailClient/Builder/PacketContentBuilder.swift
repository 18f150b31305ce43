import Foundation
import HandoffRailModels

/// The result builder behind ``PacketBuilder/init(_:)``: each line is a ``PacketComponent``,
/// applied in order, with `if`, `if let`, `switch` and `for` available.
///
/// ```swift
/// let create = try PacketBuilder {
///     From("triage-01", name: "Triage")
///     To("billing-01", name: "Billing")
///     Summary("Customer asks for a refund of invoice INV-1042")
///     Priority.high
///     Tags("billing", "refund")
///     for message in transcript {
///         ContextEntry(role: .user, content: message)
///     }
///     Decision(id: "d1", decision: "Refund in full", rationale: "Duplicate charge confirmed")
///     PendingAction(id: "a1", description: "Issue the refund", assignee: "billing-01")
///     if let approver {
///         HitlCheckpoint(reason: "Refunds above 500 EUR need approval", question: "Approve?", options: ["yes", "no"])
///     }
/// }.build()
/// ```
@resultBuilder
public enum PacketContentBuilder {
    /// One line.
    public static func buildExpression(_ component: some PacketComponent) -> [any PacketComponent] {
        [component]
    }

    /// Several lines, in order.
    public static func buildBlock(_ parts: [any PacketComponent]...) -> [any PacketComponent] {
        parts.flatMap { $0 }
    }

    /// An `if` without `else`, or `if let`.
    public static func buildOptional(_ parts: [any PacketComponent]?) -> [any PacketComponent] {
        parts ?? []
    }

    /// The first branch of an `if`/`else` or `switch`.
    public static func buildEither(first parts: [any PacketComponent]) -> [any PacketComponent] {
        parts
    }

    /// The second branch of an `if`/`else` or `switch`.
    public static func buildEither(second parts: [any PacketComponent]) -> [any PacketComponent] {
        parts
    }

    /// A `for` loop.
    public static func buildArray(_ parts: [[any PacketComponent]]) -> [any PacketComponent] {
        parts.flatMap { $0 }
    }

    /// An `if #available` block.
    public static func buildLimitedAvailability(_ parts: [any PacketComponent]) -> [any PacketComponent] {
        parts
    }
}
