import HandoffRailModels

/// A2A v1 human-in-the-loop: `TASK_STATE_INPUT_REQUIRED` tasks ↔ packet HITL checkpoints.
///
/// An A2A agent that needs a person answers `message:send` with a Task whose
/// `status.state` is `TASK_STATE_INPUT_REQUIRED` and whose `status.message` asks the question
/// (A2A v1 §6.3); the client continues with a `ROLE_USER` message carrying the same `taskId`.
/// HandoffRail's counterpart is a packet in `awaiting_human` with a required ``HitlCheckpoint``,
/// answered by a ``RespondRequest``. Non-text parts of the messages become text lines as in
/// ``A2ACodec``.
///
/// ```swift
/// let checkpoint = try A2AInputRequired.checkpoint(fromTask: sample["response"]!["task"]!)
/// let answer = try A2AInputRequired.respondRequest(fromFollowUp: sample["followUp"]!["message"]!, respondedBy: "alice")
/// let task = A2AInputRequired.task(for: awaitingPacket)   // {"id", "status": {"state", "message"}}
/// ```
public enum A2AInputRequired {
    /// The A2A v1 task state of a task waiting for its client's input.
    public static let inputRequiredState = "TASK_STATE_INPUT_REQUIRED"

    /// The checkpoint an input-required Task asks for: `reason` and `question` are the text of
    /// `status.message`, `required` is true (the task cannot go on without the answer).
    public static func checkpoint(fromTask task: JSONValue) throws(ConversationCodecError) -> HitlCheckpoint {
        let state = try NativeReader.string(task["status"]?["state"], at: "$.status.state", expected: "a task state")
        guard state == inputRequiredState else {
            throw ConversationCodecError(.unsupportedItem, at: "$.status.state", expected: inputRequiredState)
        }
        let text = try A2ACodec.text(ofParts: task["status"]?["message"]?["parts"], at: "$.status.message.parts")
        guard !text.isEmpty else {
            throw ConversationCodecError(.malformedNative, at: "$.status.message.parts", expected: "a message saying what input is needed")
        }
        return HitlCheckpoint(required: true, reason: text, question: text)
    }

    /// The answer a `ROLE_USER` follow-up message gives, attributed to `respondedBy`.
    public static func respondRequest(fromFollowUp message: JSONValue, respondedBy: String) throws(ConversationCodecError) -> RespondRequest {
        let role = try NativeReader.string(message["role"], at: "$.role", expected: "a message role")
        guard role == "ROLE_USER" else {
            throw ConversationCodecError(.unsupportedItem, at: "$.role", expected: "ROLE_USER (a follow-up comes from the client)")
        }
        let text = try A2ACodec.text(ofParts: message["parts"], at: "$.parts")
        guard !text.isEmpty else {
            throw ConversationCodecError(.malformedNative, at: "$.parts", expected: "a non-empty answer")
        }
        return RespondRequest(response: text, respondedBy: respondedBy)
    }

    /// The input-required Task for a packet waiting for a person, or `nil` when the packet is
    /// not `awaiting_human` or has no checkpoint. The task id is the packet id (lowercase, as
    /// on the wire); the status message asks the checkpoint's question, else states its reason.
    public static func task(for packet: Packet) -> JSONValue? {
        guard packet.status == .awaitingHuman, let hitl = packet.hitl else { return nil }
        let question = hitl.question.flatMap { $0.isEmpty ? nil : $0 } ?? hitl.reason
        return [
            "id": .string(packet.id.uuidString.lowercased()),
            "status": [
                "state": .string(inputRequiredState),
                "message": ["role": "ROLE_AGENT", "parts": [["text": .string(question)]]],
            ],
        ]
    }
}
