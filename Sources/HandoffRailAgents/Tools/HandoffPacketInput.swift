import HandoffRailModels

/// The typed input of a handoff tool that carries a packet's essentials: what the model
/// fills when it hands off with `HandoffTarget(…, input: .packet)`.
///
/// The schema is exactly what pydantic 2 writes for this model (and what openai-agents'
/// `handoff(agent, input_type=HandoffRailPacketInput, on_handoff=…)` then makes strict):
///
/// ```python
/// class PendingAction(BaseModel):
///     description: str
///     assignee: str
///
/// class HandoffRailPacketInput(BaseModel):
///     summary: str
///     priority: Literal["low", "normal", "high", "critical"]
///     tags: list[str]
///     pending_actions: list[PendingAction]
///     hitl_question: str | None = None
/// ```
///
/// Strict mode makes `hitl_question` required but keeps it nullable (the model sends `null`).
/// The fields name the packet parts they are meant for (`context.summary`, `metadata.priority`,
/// `metadata.tags`, `actions.pending`, a HITL question). ``OpenAIAgentsHandoffDecoder`` reads
/// `summary` and `priority` from the call's arguments; all of them ride verbatim in the decoded
/// intent's `attributes["arguments"]`.
public enum HandoffPacketInput {
    /// The model's title (`HandoffRailPacketInput`).
    public static let title = "HandoffRailPacketInput"

    /// The pydantic JSON Schema (non-strict; `$defs` for `PendingAction`).
    public static let schema: JSONValue = [
        "$defs": [
            "PendingAction": [
                "properties": [
                    "description": ["title": "Description", "type": "string"],
                    "assignee": ["title": "Assignee", "type": "string"],
                ],
                "required": ["description", "assignee"],
                "title": "PendingAction",
                "type": "object",
            ]
        ],
        "properties": [
            "summary": ["title": "Summary", "type": "string"],
            "priority": ["enum": ["low", "normal", "high", "critical"], "title": "Priority", "type": "string"],
            "tags": ["items": ["type": "string"], "title": "Tags", "type": "array"],
            "pending_actions": ["items": ["$ref": "#/$defs/PendingAction"], "title": "Pending Actions", "type": "array"],
            "hitl_question": [
                "anyOf": [["type": "string"], ["type": "null"]], "default": nil, "title": "Hitl Question",
            ],
        ],
        "required": ["summary", "priority", "tags", "pending_actions"],
        "title": .string(title),
        "type": "object",
    ]
}
