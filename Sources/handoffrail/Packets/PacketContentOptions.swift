import ArgumentParser
import Foundation
import HandoffRailClient
import HandoffRailModels

/// The packet a command sends: from `--file` (JSON or YAML, `-` = stdin) or from flags.
///
/// Flags cover the common sections (agents, summary, priority, tags, custom values, a HITL
/// checkpoint) and go through the SDK's `PacketBuilder`; a file can carry every section of
/// the protocol. Either way the body is checked against the spec's schema before anything is
/// sent, and every issue is reported at once, just as the server would.
///
/// ```sh
/// handoffrail packets create --from planner --to billing-01 --summary "Refund order 1042" \
///     --priority high --tag refunds --custom order=1042
/// handoffrail packets create --file packet.yaml
/// ```
struct PacketContentOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("A JSON or YAML packet document; - reads stdin.", valueName: "path"))
    var file: String?

    @Option(help: ArgumentHelp("Source agent id.", valueName: "agent-id"))
    var from: String?

    @Option(help: ArgumentHelp("Source agent name (default: its id).", valueName: "name"))
    var fromName: String?

    @Option(help: ArgumentHelp("Source agent framework, e.g. langchain.", valueName: "framework"))
    var fromFramework: String?

    @Option(help: ArgumentHelp("Target agent id.", valueName: "agent-id"))
    var to: String?

    @Option(help: ArgumentHelp("Target agent name (default: its id).", valueName: "name"))
    var toName: String?

    @Option(help: "What the receiving agent needs to know, in one paragraph.")
    var summary: String?

    @Option(help: ArgumentHelp("low, normal, high or critical.", valueName: "priority"), transform: { try ArgumentParsing.knownCase($0, as: Priority.self) })
    var priority: Priority?

    @Option(name: .customLong("tag"), help: ArgumentHelp("A tag (repeatable).", valueName: "tag"))
    var tags: [String] = []

    @Option(name: .customLong("custom"), help: ArgumentHelp(
        "A context.custom member, key=value (repeatable); a value that parses as JSON is kept as JSON.", valueName: "key=value"))
    var customValues: [String] = []

    @Option(help: ArgumentHelp("Ask a human first: the reason (the packet starts awaiting_human).", valueName: "reason"))
    var hitlReason: String?

    @Option(help: ArgumentHelp("The question for the human.", valueName: "question"))
    var hitlQuestion: String?

    @Option(name: .customLong("hitl-option"), help: ArgumentHelp("An answer the human may pick (repeatable).", valueName: "option"))
    var hitlOptions: [String] = []

    /// Whether any content flag was given (as opposed to `--file`).
    var hasContentFlags: Bool {
        [from, fromName, fromFramework, to, toName, summary, hitlReason, hitlQuestion].contains { $0 != nil }
            || priority != nil || !tags.isEmpty || !customValues.isEmpty || !hitlOptions.isEmpty
    }

    func validate() throws {
        if file != nil && hasContentFlags {
            throw ValidationError("--file cannot be combined with packet content flags (--from, --summary, …)")
        }
        if file == nil {
            var missing: [String] = []
            if from == nil { missing.append("--from") }
            if to == nil { missing.append("--to") }
            if summary == nil { missing.append("--summary") }
            if !missing.isEmpty {
                throw ValidationError("give --file, or at least \(missing.joined(separator: ", "))")
            }
        }
        if (hitlQuestion != nil || !hitlOptions.isEmpty) && hitlReason == nil {
            throw ValidationError("--hitl-question and --hitl-option need --hitl-reason")
        }
        for entry in customValues where !entry.contains("=") {
            throw ValidationError("--custom \"\(entry)\" must be key=value")
        }
    }

    /// The `createPacket` body: the file's document, or the flags through the SDK's
    /// ``PacketBuilder``; either way validated against the spec before anything is sent.
    func createBody(schemaID: UUID?, parent: UUID?) throws -> PacketCreate {
        guard let file else {
            var builder = builderFromFlags()
            if let schemaID { builder = builder.customSchema(schemaID) }
            if let parent { builder = builder.parent(parent) }
            return try builder.build()
        }
        var document = try DocumentReader.readObject(file)
        if let schemaID { document["schema_id"] = .string(schemaID.lowercasedString) }
        if let parent { document["parent_packet_id"] = .string(parent.lowercasedString) }
        return try PacketDocument.decode(document, as: PacketCreate.self, operationID: "createPacket")
    }

    /// The `chainPacket` body, from the file or the flags, validated likewise.
    func chainBody() throws -> ChainRequest {
        guard let file else { return try builderFromFlags().buildChainRequest() }
        return try PacketDocument.decode(try DocumentReader.readObject(file), as: ChainRequest.self, operationID: "chainPacket")
    }

    /// The flags as a builder (``validate()`` made sure the required ones are there).
    private func builderFromFlags() -> PacketBuilder {
        var builder = PacketBuilder()
            .from(from ?? "", name: fromName ?? from ?? "", framework: fromFramework)
            .to(to ?? "", name: toName ?? to ?? "")
            .summary(summary ?? "")
            .tags(tags)
        if let priority { builder = builder.priority(priority) }
        if !customValues.isEmpty { builder = builder.custom(customObject()) }
        if let hitlReason {
            builder = builder.hitl(reason: hitlReason, question: hitlQuestion, options: hitlOptions.isEmpty ? nil : hitlOptions)
        }
        return builder
    }

    /// `key=value` pairs as an object; values that parse as JSON (`42`, `true`, `{"a":1}`)
    /// keep their type, anything else is a string.
    private func customObject() -> [String: JSONValue] {
        var custom: [String: JSONValue] = [:]
        for entry in customValues {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            let raw = parts.count > 1 ? String(parts[1]) : ""
            custom[key] = (try? JSONValue(parsing: raw)) ?? .string(raw)
        }
        return custom
    }
}
