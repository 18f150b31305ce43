/// `transfer_to_<agent>` tool names, as the OpenAI Agents SDK and langgraph-swarm write them.
///
/// ```swift
/// TransferToolName.target(of: "transfer_to_refund_agent")   // "refund_agent"
/// ```
public enum TransferToolName {
    /// The prefix both frameworks use.
    public static let prefix = "transfer_to_"

    /// The agent a transfer tool name points at, or `nil` for other tools and a bare prefix.
    public static func target(of toolName: String, prefix: String = prefix) -> String? {
        guard toolName.hasPrefix(prefix), toolName.count > prefix.count else { return nil }
        return String(toolName.dropFirst(prefix.count))
    }
}
