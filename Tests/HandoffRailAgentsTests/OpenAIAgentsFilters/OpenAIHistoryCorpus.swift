import HandoffRailAgents

/// The inputs the Python cross-check runs through the real SDK: the recorded sample and
/// generated ones covering the item types, line formats and filter combinations.
enum OpenAIHistoryCorpus {
    static let customWrappers = ConversationHistoryWrappers(start: "<<PRIOR TURNS>>", end: "<</PRIOR TURNS>>")
    static let redactionPatterns = [#"\b\d{4}-\d{4}-\d{4}-\d{4}\b"#, #"[\w.]+@example\.com"#, "secret"]

    static func cases() throws -> [OpenAIHistoryCase] {
        let sample = try OpenAIHistorySamples.data("handoff_input_data")
        return [
            OpenAIHistoryCase("sample-remove_all_tools", input: sample, [.removeAllTools],
                              sdkReference: try OpenAIHistorySamples.data("after_remove_all_tools")),
            OpenAIHistoryCase("sample-nest", input: sample, [.nest()], sdkReference: try OpenAIHistorySamples.data("after_nest_handoff_history")),
            OpenAIHistoryCase("sample-remove-then-nest", input: sample, [.removeAllTools, .nest()]),
            OpenAIHistoryCase("sample-nest-then-remove", input: sample, [.nest(), .removeAllTools]),
            OpenAIHistoryCase("sample-custom-markers", input: sample, [.nest(customWrappers)]),
            try OpenAIHistoryCase("tools-and-parts-nest", toolsAndParts, [.nest()]),
            try OpenAIHistoryCase("tools-and-parts-remove", toolsAndParts, [.removeAllTools]),
            try OpenAIHistoryCase("tools-and-parts-remove-then-nest", toolsAndParts, [.removeAllTools, .nest()]),
            try OpenAIHistoryCase("line-formats-nest", lineFormats, [.nest()]),
            try OpenAIHistoryCase("numbers-and-escapes-nest", numbersAndEscapes, [.nest()]),
            try OpenAIHistoryCase("string-history-nest", stringHistory, [.nest()]),
            try OpenAIHistoryCase("string-history-remove-then-nest", stringHistory, [.removeAllTools, .nest()]),
            try OpenAIHistoryCase("empty-nest", #"{"input_history": [], "pre_handoff_items": [], "new_items": [], "input_items": null}"#, [.nest()]),
            try OpenAIHistoryCase("renest-default-markers", renest(markers: .default), [.nest()]),
            try OpenAIHistoryCase("renest-custom-markers", renest(markers: customWrappers), [.nest(customWrappers)]),
            try OpenAIHistoryCase("renest-markers-mismatch", renest(markers: customWrappers), [.nest()]),
            try OpenAIHistoryCase("legacy-summary-flattened", legacySummary, [.nest()]),
            try OpenAIHistoryCase("approvals-compaction-remove", approvalsAndCompaction, [.removeAllTools]),
            try OpenAIHistoryCase("approvals-compaction-nest", approvalsAndCompaction, [.nest()]),
            try OpenAIHistoryCase("input-items-remove", inputItemsSet, [.removeAllTools]),
            try OpenAIHistoryCase("keep-last-3", toolsAndParts, [.keepLast(3)]),
            try OpenAIHistoryCase("keep-last-5-orphans-kept", toolsAndParts, [.keepLast(5, dropOrphans: false)]),
            try OpenAIHistoryCase("keep-last-5-then-nest", toolsAndParts, [.keepLast(5), .nest()]),
            try OpenAIHistoryCase("keep-last-0", toolsAndParts, [.keepLast(0)]),
            try OpenAIHistoryCase("keep-last-100", toolsAndParts, [.keepLast(100)]),
            try OpenAIHistoryCase("keep-last-1-string-history", stringHistory, [.keepLast(1)]),
            try OpenAIHistoryCase("keep-last-2-string-history", stringHistory, [.keepLast(2)]),
            try OpenAIHistoryCase("redact", sensitive, [.redact(patterns: redactionPatterns)]),
            try OpenAIHistoryCase("redact-case-insensitive-then-nest", sensitive,
                                  [.redact(patterns: redactionPatterns, replacement: "***", caseInsensitive: true), .nest()]),
            try OpenAIHistoryCase("redact-remove-keep-nest", sensitive,
                                  [.redact(patterns: redactionPatterns, replacement: "<hidden>"), .removeAllTools, .keepLast(4), .nest(customWrappers)]),
            try OpenAIHistoryCase("redact-all-scopes-then-nest", sensitive, [.redact(patterns: redactionPatterns, scope: .all), .nest()]),
            try OpenAIHistoryCase("redact-arguments-and-reasoning-only", sensitive,
                                  [.redact(patterns: redactionPatterns, scope: [.toolArguments, .reasoning])]),
            try OpenAIHistoryCase("redact-string-history", stringHistory, [.redact(patterns: ["A-17"], replacement: "[ORDER]"), .nest()]),
        ]
    }

    /// Every summarised item type, multi-part content, a pre-handoff user message and a new
    /// assistant message (both forwarded verbatim, so summaries and items alternate).
    static let toolsAndParts = #"""
    {"input_history": [
      {"role": "system", "content": "You are triage."},
      {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "See the photo"}, {"type": "input_image", "image_url": "https://example.com/a.png", "detail": "auto"}]},
      {"type": "reasoning", "id": "rs_0", "summary": [], "encrypted_content": "gAAAA"},
      {"type": "web_search_call", "id": "ws_1", "status": "completed", "action": {"type": "search", "query": "refund policy"}},
      {"type": "function_call", "call_id": "c_hist", "name": "lookup", "arguments": "{\"id\":1}"},
      {"type": "function_call_output", "call_id": "c_hist", "output": [{"type": "input_text", "text": "found"}]}
    ],
    "pre_handoff_items": [
      {"role": "user", "content": "And the second charge?"},
      {"id": "rs_2", "type": "reasoning", "summary": [{"type": "summary_text", "text": "Think"}], "status": null},
      {"type": "computer_call", "call_id": "cc_1", "id": "cu_1", "action": {"type": "screenshot"}, "pending_safety_checks": [], "status": "completed"},
      {"type": "computer_call_output", "call_id": "cc_1", "output": {"type": "computer_screenshot", "image_url": "data:image/png;base64,AAA"}},
      {"type": "custom_tool_call", "call_id": "ct_1", "name": "grep", "input": "charge", "created_by": "system"},
      {"type": "custom_tool_call_output", "call_id": "ct_1", "output": "2 matches"},
      {"type": "shell_call_output", "call_id": "sh_1", "status": "completed", "created_by": "x", "output": [{"stdout": "ok", "stderr": "", "outcome": {"type": "exit", "exit_code": 0}, "created_by": "y"}]},
      {"type": "mcp_call", "id": "mcp_1", "server_label": "crm", "name": "find", "arguments": "{}", "output": "none"},
      {"type": "program", "call_id": "p_1", "code": "x = 1"},
      {"type": "function_call", "call_id": "c_prog", "name": "inner", "arguments": "{}", "caller": {"type": "program", "id": "p_1"}},
      {"type": "message", "id": "msg_a", "role": "assistant", "status": "completed", "content": [{"type": "output_text", "text": "Two charges.", "annotations": []}]}
    ],
    "new_items": [
      {"type": "message", "id": "msg_b", "role": "assistant", "content": [{"type": "refusal", "refusal": "I cannot refund myself."}]},
      {"type": "function_call", "call_id": "c_h", "name": "transfer_to_refunds", "arguments": "{}"},
      {"type": "function_call_output", "call_id": "c_h", "output": "{\"assistant\": \"Refunds\"}"}
    ],
    "input_items": null,
    "run_context": {"note": "carried, never filtered"}}
    """#

    /// Names, multi-line and missing content, developer role, provider_data and SDK metadata.
    static let lineFormats = #"""
    {"input_history": [
      {"role": "developer", "content": "Be brief."},
      {"role": "user", "name": "alice", "content": "first line\nsecond line"},
      {"role": "user", "name": "", "content": "empty name"},
      {"role": "assistant", "name": "bot", "content": "carriage\rreturn"},
      {"role": "assistant", "content": null},
      {"role": "user"},
      {"role": "user", "content": "with provider data", "provider_data": {"x": 1}},
      {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "parts"}], "provider_data": {"model": "m"}},
      {"type": "function_call", "call_id": "f1", "name": "f", "arguments": "{}", "_agents_tool_description": "desc", "_agents_tool_title": "t", "created_by": "me"},
      {"type": "item_reference", "id": "ref_1"}
    ],
    "pre_handoff_items": [],
    "new_items": [{"type": "function_call_output", "call_id": "f1", "output": "done", "status": null}],
    "input_items": null}
    """#

    /// Floats, big integers, control characters and non-ASCII text, as json.dumps writes them.
    static let numbersAndEscapes = #"""
    {"input_history": [
      {"role": "user", "content": "tab\there \"quoted\" back\\slash é 中文 😀 \u0001\u001f\u007f"},
      {"type": "function_call_output", "call_id": "n1", "output": "x", "extra": {"ints": [0, -0, 7, -12, 123456789012345678901234567890], "floats": [2.0, -0.0, 0.5, 1e-05, 0.0001, 1e16, 1e15, 1.5E+3, 123456789.123456789, 5e-324, 1.7976931348623157e308, 1e400]}}
    ],
    "pre_handoff_items": [{"type": "function_call", "call_id": "n1", "name": "numbers", "arguments": "{\"é\": \"\\u00e9\"}", "status": "in_progress"}],
    "new_items": [],
    "input_items": null}
    """#

    static let stringHistory = #"""
    {"input_history": "Refund order A-17 please", "pre_handoff_items": [
      {"type": "function_call", "call_id": "s1", "name": "lookup_order", "arguments": "{\"order\": \"A-17\"}"},
      {"type": "function_call_output", "call_id": "s1", "output": "A-17: paid twice"},
      {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "Handing you over.", "annotations": []}]}
    ], "new_items": [
      {"type": "function_call", "call_id": "s2", "name": "transfer_to_refunds", "arguments": "{}"},
      {"type": "function_call_output", "call_id": "s2", "output": "{\"assistant\": \"Refunds\"}"}
    ], "input_items": null}
    """#

    /// A second handoff: the history starts with the summary the first one wrote.
    static func renest(markers: ConversationHistoryWrappers) throws -> String {
        let first = NestedHandoffHistory(wrappers: markers).apply(to: try OpenAIHistorySamples.data("handoff_input_data"))
        var second = OpenAIHandoffInputData(
            inputHistory: .items(first.inputHistoryItems + [["role": "user", "content": "Any news on the refund?"]]),
            preHandoffItems: [OpenAIRunItem(["type": "message", "role": "assistant", "content": [["type": "output_text", "text": "Checking.", "annotations": []]]])],
            newItems: [OpenAIRunItem(["type": "function_call", "call_id": "c9", "name": "transfer_to_billing", "arguments": "{}"])])
        second.inputItems = nil
        return second.jsonText
    }

    /// A summary as older SDKs wrote it: legacy preamble, typed legacy lines, continuation
    /// lines, a bare role, an unnumbered line, a JSON line with provider_data.
    static let legacySummary = #"""
    {"input_history": [
      {"role": "assistant", "content": "For context, here is the conversation so far:\n<CONVERSATION HISTORY>\n1. user: hello\n2. assistant (helper): multi\n   line answer\n\n3. function_call: {\"call_id\": \"l1\", \"name\": \"f\", \"arguments\": \"{}\", \"provider_data\": {\"a\": 1}}\n4. user\n5. developer (ops)\nnot numbered: text\n6. {\"type\": \"function_call_output\", \"call_id\": \"l1\", \"output\": \"ok\", \"created_by\": \"z\"}\n7. : no role\n8. tool: not json\n</CONVERSATION HISTORY>"},
      {"role": "user", "content": "next question"}
    ], "pre_handoff_items": [], "new_items": [], "input_items": null}
    """#

    static let approvalsAndCompaction = #"""
    {"input_history": [{"role": "user", "content": "hi"}, {"type": "mcp_list_tools", "id": "ml", "server_label": "crm", "tools": []}],
    "pre_handoff_items": [
      {"type": "compaction", "id": "cmp_1", "encrypted_content": "zzz", "created_by": "server"},
      {"type": "mcp_approval_request", "id": "ar_1", "server_label": "crm", "name": "delete", "arguments": "{}"},
      {"type": "mcp_approval_response", "approval_request_id": "ar_1", "approve": false},
      {"type": "tool_search_call", "id": "ts_1", "arguments": {"query": "refund"}, "created_by": "s"},
      {"type": "tool_search_output", "id": "ts_2", "tools": []}
    ],
    "new_items": [
      {"type": "tool_approval_item", "raw_item": {"type": "function_call", "call_id": "ap_1", "name": "refund", "arguments": "{}"}},
      {"role": "user", "content": "approve it"},
      {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "ok", "annotations": []}]}
    ],
    "input_items": null}
    """#

    static let inputItemsSet = #"""
    {"input_history": [{"role": "user", "content": "hi"}], "pre_handoff_items": [],
    "new_items": [{"type": "function_call", "call_id": "x1", "name": "transfer_to_b", "arguments": "{}"}, {"type": "function_call_output", "call_id": "x1", "output": "{}"}],
    "input_items": [{"type": "reasoning", "id": "r", "summary": []}, {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "kept", "annotations": []}]}]}
    """#

    /// Card numbers and e-mail addresses in string content, text parts, refusals and tool
    /// outputs; an image part and non-string outputs that must pass untouched.
    static let sensitive = #"""
    {"input_history": [
      {"role": "user", "content": "My card is 4111-1111-1111-1111 and mail ann@example.com"},
      {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "SECRET code: secret"}, {"type": "input_image", "image_url": "https://example.com/secret.png"}, "bare string part", {"type": "input_file", "file_id": "secret-file"}]}
    ],
    "pre_handoff_items": [
      {"type": "function_call", "call_id": "r1", "name": "lookup_card", "arguments": "{\"card\": \"4111-1111-1111-1111\"}"},
      {"type": "function_call_output", "call_id": "r1", "output": "card 4111-1111-1111-1111 belongs to bob@example.com"},
      {"type": "function_call", "call_id": "r2", "name": "files", "arguments": "{}"},
      {"type": "function_call_output", "call_id": "r2", "output": [{"type": "input_text", "text": "secret file for bob@example.com"}, {"type": "input_image", "image_url": "x"}]},
      {"type": "shell_call_output", "call_id": "r3", "output": [{"stdout": "secret token", "stderr": "secret err", "outcome": {"type": "exit", "exit_code": 0}}]},
      {"type": "computer_call_output", "call_id": "r4", "output": {"type": "computer_screenshot", "image_url": "secret"}},
      {"type": "mcp_call", "id": "m1", "server_label": "crm", "name": "find", "arguments": "{\"q\": \"secret\"}", "output": "secret row"},
      {"type": "reasoning", "id": "rs", "summary": [{"type": "summary_text", "text": "the secret stays in reasoning"}]},
      {"type": "message", "role": "assistant", "content": [{"type": "output_text", "text": "Secret? No: 4111-1111-1111-1111.", "annotations": []}, {"type": "refusal", "refusal": "not the secret"}]}
    ],
    "new_items": [{"role": "assistant", "content": "forwarding secret"}],
    "input_items": null}
    """#
}
