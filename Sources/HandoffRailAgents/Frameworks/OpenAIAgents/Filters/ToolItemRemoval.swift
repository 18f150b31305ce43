/// The SDK's `remove_all_tools` (agents/extensions/handoff_filters.py, openai-agents 0.24.0).
///
/// - `input_history` (when a list): drops items whose `type` is in ``inputToolTypes``
///   (function, computer, file/web search, MCP, code interpreter, image generation, shell,
///   apply-patch, custom and hosted tool calls and outputs, tool search, programs, reasoning).
///   A string history is left as is.
/// - `pre_handoff_items`, `new_items` and `input_items` (when set): drop run items of the
///   classes ``removedKinds`` (tool and handoff calls and outputs, tool search, reasoning,
///   MCP list/approval items, tool approvals). Messages, input items and compaction items stay.
///
/// ```swift
/// let withoutTools = ToolItemRemoval.apply(to: data)
/// ```
public enum ToolItemRemoval {
    /// `_remove_tool_types_from_input`'s list, in the SDK's order.
    public static let inputToolTypes: [String] = [
        "function_call", "function_call_output", "computer_call", "computer_call_output", "file_search_call",
        "tool_search_call", "tool_search_output", "web_search_call", "mcp_call", "mcp_list_tools", "mcp_approval_request",
        "mcp_approval_response", "reasoning", "code_interpreter_call", "image_generation_call", "local_shell_call",
        "local_shell_call_output", "shell_call", "shell_call_output", "apply_patch_call", "apply_patch_call_output",
        "custom_tool_call", "custom_tool_call_output", "hosted_tool_call", "program", "program_output",
    ]

    /// `_remove_tools_from_items`' classes.
    /// ``inputToolTypes`` as a set, built once.
    private static let inputToolTypeSet = Set(inputToolTypes)

    public static let removedKinds: Set<OpenAIRunItem.Kind> = [
        .toolCall, .toolCallOutput, .toolSearchCall, .toolSearchOutput, .reasoning,
        .mcpListTools, .mcpApprovalRequest, .mcpApprovalResponse, .toolApproval,
    ]

    /// The SDK's `remove_all_tools(data)`: a list `input_history` without items of
    /// ``inputToolTypes``, the three run-item lists without items of ``removedKinds``;
    /// everything else unchanged.
    ///
    /// ```swift
    /// let withoutTools = ToolItemRemoval.apply(to: data)
    /// ```
    public static func apply(to data: OpenAIHandoffInputData) -> OpenAIHandoffInputData {
        var result = data
        if case .items(let items) = data.inputHistory {
            result.inputHistory = .items(items.filter { item in !(item["type"]?.stringValue.map(inputToolTypeSet.contains) ?? false) })
        }
        result.preHandoffItems = data.preHandoffItems.filter { !removedKinds.contains($0.kind) }
        result.newItems = data.newItems.filter { !removedKinds.contains($0.kind) }
        result.inputItems = data.inputItems?.filter { !removedKinds.contains($0.kind) }
        return result
    }
}
