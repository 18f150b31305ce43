import HandoffRailModels

/// CrewAI handoffs: a finished task whose route names the next agent.
///
/// CrewAI has no transfer tool; a task's completion (its `TaskOutput`, alone or in a
/// `CrewOutput`'s `tasks_output`) is the signal. Which agent takes over is the adapter's
/// configuration: `routes` maps a task name (or, for unnamed tasks, its description) to a
/// target agent, `defaultTarget` catches the rest; a task with neither is not a handoff.
/// The task's name, agent, expected output, format and `json_dict` ride in `attributes`.
///
/// ```swift
/// let decoder = CrewAITaskCompletionDecoder(routes: ["billing_task": "fulfilment_agent"])
/// let intents = try decoder.decode(crewOutput)
/// ```
public struct CrewAITaskCompletionDecoder: HandoffSignalDecoder {
    public let framework = AgentFramework.crewAI
    /// Task name (or description) → target agent.
    public var routes: [String: String]
    /// The target for finished tasks without a route.
    public var defaultTarget: String?

    /// A decoder.
    public init(routes: [String: String] = [:], defaultTarget: String? = nil) {
        self.routes = routes
        self.defaultTarget = defaultTarget
    }

    public func decode(_ native: JSONValue) throws(ConversationCodecError) -> [HandoffIntent] {
        _ = try NativeReader.object(native, at: "$", expected: "a TaskOutput or CrewOutput object")
        let tasks = try native["tasks_output"].map { value throws(ConversationCodecError) in
            try NativeReader.array(value, at: "$.tasks_output", expected: "an array of TaskOutput objects")
        } ?? [native]
        return tasks.compactMap(intent(for:))
    }

    private func intent(for task: JSONValue) -> HandoffIntent? {
        let name = task["name"]?.stringValue
        let description = task["description"]?.stringValue
        guard let target = name.flatMap({ routes[$0] }) ?? description.flatMap({ routes[$0] }) ?? defaultTarget else { return nil }
        var attributes: [String: JSONValue] = [:]
        for key in ["name", "agent", "expected_output", "output_format", "json_dict"] {
            if let value = task[key], !value.isNull { attributes[key] = value }
        }
        let agent = task["agent"]?.stringValue
        let label = name ?? task["summary"]?.stringValue ?? "task"
        return HandoffIntent(
            framework: framework, signal: .taskCompletion, targetAgent: target,
            reason: agent.map { "\(label) completed by \($0)" } ?? "\(label) completed",
            summary: task["raw"]?.stringValue, attributes: attributes, sourceItems: [task])
    }
}
