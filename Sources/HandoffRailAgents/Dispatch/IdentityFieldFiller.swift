import HandoffRailModels

/// Writes the agent's identity at a tool's identity paths (``ToolSpec/identityFields``),
/// replacing whatever the model put there, so that a model can never act in another
/// agent's name.
///
/// Paths are body paths whose steps are object members (`metadata.source_agent`) or, written
/// `name[]`, every element of an array (`decisions[].decided_by`,
/// `actions.completed[].completed_by`). The value comes from an explicit table on the path's
/// last component (``IdentityValue/forLeaf(_:parent:)``), never from a naming pattern: an
/// unknown leaf is a configuration error that fails the call.
///
/// Containers are only created for values that are written: an absent `decisions` stays
/// absent, an absent `hitl` is not created to remove its `responded_by`.
///
/// ```swift
/// // update: ["decisions": [["id": "d1", "decided_by": "mallory", …]]]
/// //   →  decisions[0].decided_by = "billing-01"
/// ```
struct IdentityFieldFiller {
    var identity: AgentIdentity

    /// One step of an identity path.
    enum Step: Equatable {
        /// An object member.
        case member(String)
        /// Every element of the array held by this member (`name[]`).
        case eachElement(of: String)

        var name: String {
            switch self {
            case .member(let name), .eachElement(of: let name): name
            }
        }
    }

    /// The arguments with identity filled, and the identity paths where the model had
    /// supplied a different value (array paths reported with the element index,
    /// `body.decisions[1].decided_by`).
    func fill(_ arguments: [String: JSONValue], for tool: ToolSpec) throws(ToolCallError) -> (arguments: [String: JSONValue], overwritten: [String]) {
        var result = JSONValue.object(arguments)
        var overwritten: [String] = []
        for field in tool.identityFields {
            let steps = Self.argumentSteps(of: field)
            guard let leaf = steps.last, case .member(let leafName) = leaf else {
                throw .invalidArguments(tool.name, "The dispatcher cannot fill the identity field '\(field)' of \(tool.name).")
            }
            let parent = steps.dropLast().last?.name
            guard let value = IdentityValue.forLeaf(leafName, parent: parent)?.json(for: identity) else {
                throw .invalidArguments(tool.name, "The dispatcher cannot fill the identity field '\(field)' of \(tool.name).")
            }
            var writer = Writer(value: value, tool: tool.name)
            let root = field.hasPrefix("body.") ? "body" : ""
            result = try writer.set(at: steps[...], in: result, location: root) ?? .object([:])
            overwritten += writer.replacedLocations
        }
        guard case .object(let members) = result else { return (arguments, overwritten) }
        return (members, overwritten)
    }

    /// `body.decisions[].decided_by` → `[.eachElement(of: "decisions"), .member("decided_by")]`
    /// (argument paths are the body's members).
    static func argumentSteps(of field: String) -> [Step] {
        var components = field.split(separator: ".").map(String.init)
        if components.first == "body" { components.removeFirst() }
        return components.map { $0.hasSuffix("[]") ? .eachElement(of: String($0.dropLast(2))) : .member($0) }
    }

    /// The top-level argument names identity fields live under (`agent_id`, `metadata`, `decisions`, …).
    static func topLevelNames(of tool: ToolSpec) -> Set<String> {
        Set(tool.identityFields.compactMap { argumentSteps(of: $0).first?.name })
    }

    /// Writes one value along a path, collecting where a different value was replaced.
    private struct Writer {
        let value: JSONValue
        let tool: String
        var replacedLocations: [String] = []

        /// `container` with the value written at `steps`; nil means "absent".
        mutating func set(at steps: ArraySlice<Step>, in container: JSONValue?, location: String) throws(ToolCallError) -> JSONValue? {
            guard let step = steps.first else {
                if let container, container != .null, container != value { replacedLocations.append(location) }
                return value.isNull ? Optional<JSONValue>.none : value
            }
            var members: [String: JSONValue]
            switch container {
            case nil, .null?:
                // Nothing to remove, and nothing to fill inside arrays that are not there.
                if value.isNull || steps.contains(where: { if case .eachElement = $0 { true } else { false } }) {
                    return container
                }
                members = [:]
            case .object(let existing)?: members = existing
            case let other?:
                throw .invalidArguments(tool, "'\(Self.argumentLocation(location))' must be an object, not \(SchemaCoercion.kindName(other)).")
            }
            let name = step.name
            let here = location.isEmpty ? name : "\(location).\(name)"
            switch step {
            case .member:
                members[name] = try set(at: steps.dropFirst(), in: members[name], location: here)
            case .eachElement:
                switch members[name] {
                case nil, .null?:
                    break
                case .array(let elements)?:
                    var filled: [JSONValue] = []
                    for (index, element) in elements.enumerated() {
                        // Non-objects are left for the server's validation to name.
                        guard case .object = element else {
                            filled.append(element)
                            continue
                        }
                        let updated = try set(at: steps.dropFirst(), in: element, location: "\(here)[\(index)]")
                        filled.append(updated ?? .null)
                    }
                    members[name] = .array(filled)
                case let other?:
                    throw .invalidArguments(tool, "'\(Self.argumentLocation(here))' must be an array, not \(SchemaCoercion.kindName(other)).")
                }
            }
            return .object(members)
        }

        /// `body.metadata` → `metadata` (the model knows arguments, not the HTTP body).
        static func argumentLocation(_ location: String) -> String {
            location.hasPrefix("body.") ? String(location.dropFirst(5)) : location
        }
    }
}
