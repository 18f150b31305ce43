/// One item of `pre_handoff_items`, `new_items` or `input_items`: the SDK's `RunItem`, held
/// as its input-item JSON (`run_item.to_input_item()`), with the run-item class it stands for.
///
/// The class matters to `remove_all_tools` and to nested history, and is read from the item's
/// `type` the way the SDK creates run items (`reasoning` → `ReasoningItem`, `function_call` →
/// `ToolCallItem`, an assistant `message` → `MessageOutputItem`, …). A `ToolApprovalItem` has
/// no input form; in JSON it is written `{"type": "tool_approval_item", "raw_item": {…}}`.
///
/// ```swift
/// let item = OpenAIRunItem(["type": "function_call", "name": "lookup_order", "call_id": "c1", "arguments": "{}"])
/// item.kind   // .toolCall
/// ```
public struct OpenAIRunItem: Sendable, Hashable {
    /// The SDK run-item class.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `InputItem` (a user/system/developer message or other input admitted on resume), and
        /// any item of a type the SDK has no run-item class for.
        case input = "input_item"
        /// `MessageOutputItem`: an assistant `message`.
        case messageOutput = "message_output_item"
        /// `ToolCallItem` (and `HandoffCallItem`, which every filter treats the same way).
        case toolCall = "tool_call_item"
        /// `ToolCallOutputItem` (and `HandoffOutputItem`).
        case toolCallOutput = "tool_call_output_item"
        /// `ToolSearchCallItem`: a hosted tool-search call.
        case toolSearchCall = "tool_search_call_item"
        /// `ToolSearchOutputItem`: its result.
        case toolSearchOutput = "tool_search_output_item"
        /// `ReasoningItem`.
        case reasoning = "reasoning_item"
        /// `MCPListToolsItem`: a hosted MCP server's tool list.
        case mcpListTools = "mcp_list_tools_item"
        /// `MCPApprovalRequestItem`.
        case mcpApprovalRequest = "mcp_approval_request_item"
        /// `MCPApprovalResponseItem`.
        case mcpApprovalResponse = "mcp_approval_response_item"
        /// `CompactionItem`: a compacted context summary.
        case compaction = "compaction_item"
        /// `ToolApprovalItem`: a tool call awaiting approval; never model input.
        case toolApproval = "tool_approval_item"
    }

    /// The SDK run-item class this item stands for.
    public var kind: Kind
    /// The input item (for `.toolApproval`, the raw call awaiting approval).
    public var item: OrderedJSON

    /// An item of the given class.
    public init(kind: Kind, item: OrderedJSON) {
        self.kind = kind
        self.item = item
    }

    /// An item whose class is read from its JSON (see the type's documentation).
    public init(_ json: OrderedJSON) {
        if json["type"]?.stringValue == Kind.toolApproval.rawValue, let raw = json["raw_item"] {
            self.init(kind: .toolApproval, item: raw)
        } else {
            self.init(kind: Self.kind(of: json), item: json)
        }
    }

    /// The JSON form: the input item, or the approval wrapper.
    public var json: OrderedJSON {
        kind == .toolApproval ? ["type": "tool_approval_item", "raw_item": item] : item
    }

    /// The run-item class the SDK uses for an item of this shape.
    static func kind(of item: OrderedJSON) -> Kind {
        guard let type = item["type"]?.stringValue else {
            return item["role"]?.stringValue == "assistant" ? .messageOutput : .input
        }
        switch type {
        case "message": return item["role"]?.stringValue == "assistant" ? .messageOutput : .input
        case "reasoning": return .reasoning
        case "tool_search_call": return .toolSearchCall
        case "tool_search_output": return .toolSearchOutput
        case "mcp_list_tools": return .mcpListTools
        case "mcp_approval_request": return .mcpApprovalRequest
        case "mcp_approval_response": return .mcpApprovalResponse
        case "compaction": return .compaction
        case _ where toolCallOutputTypes.contains(type): return .toolCallOutput
        case _ where toolCallTypes.contains(type): return .toolCall
        default: return .input
        }
    }

    static let toolCallTypes: Set<String> = [
        "function_call", "computer_call", "file_search_call", "web_search_call", "mcp_call", "code_interpreter_call",
        "image_generation_call", "local_shell_call", "shell_call", "apply_patch_call", "custom_tool_call", "hosted_tool_call", "program",
    ]
    static let toolCallOutputTypes: Set<String> = [
        "function_call_output", "computer_call_output", "local_shell_call_output", "shell_call_output",
        "apply_patch_call_output", "custom_tool_call_output", "program_output",
    ]
}
