import Foundation
import HandoffRailModels
import Testing
@testable import HandoffRailClient

/// `build()` rejects what the spec's schema rejects, with the server's issue types and
/// `loc` paths from `body`.
@Suite("Packet builder validation")
struct PacketBuilderValidationTests {
    static let valid = PacketBuilderSectionTests.minimal

    /// The validation error `build()` throws (fails the test when it does not throw one).
    static func failure(_ builder: PacketBuilder, chain: Bool = false) throws -> HandoffRailError {
        do {
            if chain { _ = try builder.buildChainRequest() } else { _ = try builder.build() }
        } catch let error as HandoffRailError {
            return error
        }
        throw BuildDidNotThrow()
    }

    /// Readable locations of every issue.
    static func locations(_ error: HandoffRailError) -> [String] {
        error.validationIssues.map(\.locationPath)
    }

    @Test("an empty builder reports both agents and the summary missing, with the enclosing input")
    func emptyBuilder() throws {
        let error = try Self.failure(PacketBuilder())
        #expect(error.kind == .validation)
        #expect(error.operationID == "createPacket")
        #expect(error.statusCode == nil)
        let issues = error.validationIssues
        #expect(Set(issues.map(\.locationPath)) == ["body.metadata.source_agent", "body.metadata.target_agent", "body.context.summary"])
        #expect(issues.allSatisfy { $0.type == "missing" && $0.msg == "Field required" })
        let metadataIssue = try #require(issues.first { $0.locationPath == "body.metadata.source_agent" })
        #expect(metadataIssue.input["priority"] == "normal")
        #expect(error.description.contains("body.metadata.source_agent: Field required"))
        #expect(PacketBuilder().validationIssues == issues)
    }

    @Test("a missing target agent alone is the only issue")
    func missingTarget() throws {
        let builder = PacketBuilder().from("triage-01", name: "Triage").summary("s")
        let issues = try Self.failure(builder).validationIssues
        #expect(issues.map(\.locationPath) == ["body.metadata.target_agent"])
        #expect(issues.first?.loc == [.key("body"), .key("metadata"), .key("target_agent")])
    }

    @Test("an empty summary is string_too_short with min_length 1")
    func emptySummary() throws {
        let issues = try Self.failure(Self.valid.summary("")).validationIssues
        #expect(issues.count == 1)
        #expect(issues.first?.locationPath == "body.context.summary")
        #expect(issues.first?.type == "string_too_short")
        #expect(issues.first?.ctx?["min_length"] == 1)
    }

    @Test("enum values the spec does not list are rejected where they sit")
    func undocumentedEnums() throws {
        let builder = Self.valid
            .priority(.undocumented("urgent"))
            .turn(.undocumented("robot"), "beep")
            .dependency(id: "dep1", type: .undocumented("magic"), "x", status: .undocumented("maybe"))
        let error = try Self.failure(builder)
        let locations = Set(Self.locations(error))
        #expect(locations.isSuperset(of: [
            "body.metadata.priority",
            "body.context.conversation_state[0].role",
            "body.dependencies[0].type",
            "body.dependencies[0].status",
        ]))
        let priority = try #require(error.validationIssues.first { $0.locationPath == "body.metadata.priority" })
        #expect(priority.type == "enum")
        #expect(priority.input == "urgent")
    }

    @Test("an action priority outside the enum is located in its action")
    func actionPriority() throws {
        let builder = Self.valid
            .pendingAction(id: "a1", "ok", assignee: "b")
            .pendingAction(id: "a2", "bad", assignee: "b", priority: .undocumented("asap"))
        let locations = Self.locations(try Self.failure(builder))
        #expect(!locations.isEmpty)
        #expect(locations.allSatisfy { $0.hasPrefix("body.actions.pending[1].priority") })
    }

    @Test("an artifact value that is not a string, object or array is rejected")
    func artifactValueType() throws {
        let builder = Self.valid.artifact("ok", "text").artifact("count", 42).artifact("nothing", nil)
        let locations = Self.locations(try Self.failure(builder))
        #expect(locations.contains { $0.hasPrefix("body.context.artifacts[1].value") })
        #expect(locations.contains { $0.hasPrefix("body.context.artifacts[2].value") })
        #expect(!locations.contains { $0.hasPrefix("body.context.artifacts[0]") })
    }

    @Test("a date outside RFC 3339's four-digit years is rejected as the server would")
    func outOfRangeDate() throws {
        let year10000 = Date(timeIntervalSince1970: 253_402_300_800)
        let builder = Self.valid.pendingAction(id: "a1", "later", assignee: "b", deadline: year10000)
        let issues = try Self.failure(builder).validationIssues
        #expect(issues.map(\.locationPath).contains { $0.hasPrefix("body.actions.pending[0].deadline") })
    }

    @Test("every issue is reported at once, not just the first")
    func allIssuesAtOnce() throws {
        let builder = PacketBuilder().summary("").priority(.undocumented("urgent")).artifact("n", 1)
        let locations = Set(Self.locations(try Self.failure(builder)))
        #expect(locations.isSuperset(of: [
            "body.metadata.source_agent", "body.metadata.target_agent", "body.metadata.priority", "body.context.summary",
        ]))
        #expect(locations.contains { $0.hasPrefix("body.context.artifacts[0].value") })
    }

    @Test("a chain request with a parent or schema id is rejected, not silently trimmed")
    func chainExtras() throws {
        let parent = UUID(), schema = UUID()
        let error = try Self.failure(Self.valid.parent(parent).customSchema(schema), chain: true)
        #expect(error.operationID == "chainPacket")
        #expect(error.validationIssues.map(\.locationPath) == ["body.parent_packet_id", "body.schema_id"])
        #expect(error.validationIssues.allSatisfy { $0.type == "extra_forbidden" })
        #expect(error.validationIssues.first?.input == .string(parent.uuidString.lowercased()))
        let chainIssues = try Self.failure(PacketBuilder().summary("s"), chain: true).validationIssues
        #expect(chainIssues.map(\.locationPath).sorted() == ["body.metadata.source_agent", "body.metadata.target_agent"])
    }

    @Test("a valid builder has no issues")
    func validHasNoIssues() {
        #expect(Self.valid.validationIssues.isEmpty)
        #expect(PacketBuilderDSLTests.fluentFull.validationIssues.isEmpty)
    }
}

/// `build()` accepted a packet the test expected it to reject.
struct BuildDidNotThrow: Error {}
