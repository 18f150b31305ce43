import Foundation
import HandoffRailModels

/// Checks and normalises the arguments a model produced for a tool, before anything is sent.
///
/// The server stays the authority on the packet's rules (its 422 comes back with every field
/// issue); this check catches what the server could not name in the model's own terms:
/// - the arguments are not an object (`null` counts as no arguments; a JSON *string* holding
///   an object — what OpenAI puts in `arguments` — is parsed);
/// - an argument the tool does not have (all of them are named, with the accepted ones);
/// - a required argument missing or null.
///
/// Coercions, all guided by the tool's input schema, for what models commonly send:
/// - a top-level optional argument given as `null` is treated as not given, and below the
///   top level `null` is dropped where the schema does not admit it — OpenAI strict mode
///   makes the model send `null` for every optional field. (So `hitl: null` on
///   `handoffrail_update_packet` leaves the checkpoint alone rather than clearing it: an
///   agent tool should not remove a human checkpoint by accident.)
/// - a string holding an integer, number or boolean where the schema wants one (`"5"` → `5`),
///   and an integral double where it wants an integer (`5.0` → `5`);
/// - an array of strings for a comma-separated query parameter (`["a","b"]` → `"a,b"`).
///
/// Identity members (`agent_id` of a claim, …) are accepted here and replaced later by
/// ``IdentityFieldFiller``, whatever the model put there.
enum ToolArguments {
    static func check(_ arguments: JSONValue, for tool: ToolSpec) throws(ToolCallError) -> [String: JSONValue] {
        let members = try objectMembers(arguments, tool: tool.name)
        let accepted = Set(tool.bindings.keys).union(IdentityFieldFiller.topLevelNames(of: tool))
        let unknown = members.keys.filter { !accepted.contains($0) }.sorted()
        guard unknown.isEmpty else {
            let list = unknown.map { "'\($0)'" }.joined(separator: ", ")
            let known = accepted.sorted().joined(separator: ", ")
            throw .invalidArguments(tool.name, "Unknown argument\(unknown.count == 1 ? "" : "s") \(list); \(tool.name) accepts: \(known.isEmpty ? "no arguments" : known).")
        }
        let properties = tool.inputSchema["properties"]?.objectValue ?? [:]
        let required = Set((tool.inputSchema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
        var checked: [String: JSONValue] = [:]
        for (name, value) in members {
            // A top-level `null` means "not given" (the OpenAI Agents SDK's reading of strict
            // mode), even where the API would read it as "clear": `hitl: null` on an update
            // must not remove a human checkpoint because strict mode forced the model to send it.
            if value.isNull, !required.contains(name) { continue }
            guard let schema = properties[name] else {
                checked[name] = value
                continue
            }
            var normalised = SchemaCoercion.normalise(value, schema: schema, required: required.contains(name))
            if case .query? = tool.bindings[name], let value = normalised {
                normalised = SchemaCoercion.joinedQueryList(value, schema: schema)
            }
            if let normalised, !(normalised.isNull && required.contains(name)) { checked[name] = normalised }
        }
        let missing = required.filter { checked[$0] == nil }.sorted()
        guard missing.isEmpty else {
            let list = missing.map { "'\($0)'" }.joined(separator: ", ")
            throw .invalidArguments(tool.name, "Missing required argument\(missing.count == 1 ? "" : "s") \(list).")
        }
        return checked
    }

    private static func objectMembers(_ arguments: JSONValue, tool: String) throws(ToolCallError) -> [String: JSONValue] {
        switch arguments {
        case .object(let members):
            return members
        case .null:
            return [:]
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { return [:] }
            if let parsed = try? JSONValue(parsing: trimmed), case .object(let members) = parsed { return members }
            throw .invalidArguments(tool, "The arguments must be a JSON object; got a string that is not one.")
        default:
            throw .invalidArguments(tool, "The arguments must be a JSON object; got \(SchemaCoercion.kindName(arguments)).")
        }
    }
}
