import Foundation
import Testing
@testable import HandoffRailModels

/// The generated validators report every issue with FastAPI's `loc`.
@Suite("Generated validators")
struct ValidatorTests {
    @Test("a valid create body has no issues")
    func validBody() throws {
        #expect(PacketCreate.validate(try FixtureLoader.json("packet_create_request")) == [])
    }

    @Test("every issue of a bad create body is reported at its location")
    func allIssuesWithLocations() throws {
        let body: JSONValue = [
            "metadata": [
                "source_agent": ["name": "Billing"],
                "target_agent": ["id": "b", "name": "B"],
                "priority": "urgent",
            ],
            "context": ["summary": "", "conversation_state": [["role": "robot", "content": "hi"]]],
        ]
        let issues = PacketCreate.validate(body)
        let found = Set(issues.map { "\($0.type) \($0.loc.map(\.text).joined(separator: "."))" })
        #expect(found.contains("missing metadata.source_agent.id"), "\(found)")
        #expect(found.contains("enum metadata.priority"), "\(found)")
        #expect(found.contains("string_too_short context.summary"), "\(found)")
        #expect(found.contains("enum context.conversation_state.0.role"), "\(found)")
        let summary = try #require(issues.first { $0.type == "string_too_short" })
        #expect(summary.msg == "String should have at least 1 character")
        #expect(summary.loc == [.key("context"), .key("summary")])
    }

    @Test("the type check names the expected type")
    func wrongTypes() {
        let issues = ClaimRequest.validate(["agent_id": 42, "agent_name": ["x"]])
        #expect(issues.map(\.type).sorted() == ["string_type", "string_type"])
    }

    @Test("formats are asserted: a bad uuid in a list body is reported")
    func formats() {
        let issues = SpecSchemas.validator.validate(.string("not-a-uuid"), at: "/$defs/getPacket.path.packet_id")
        #expect(issues.first?.type == "uuid_parsing")
    }

    @Test("the limit parameter's bounds come from the spec")
    func parameterBounds() {
        let pointer = "/$defs/listPackets.query.limit"
        #expect(SpecSchemas.validator.validate(.integer(50), at: pointer) == [])
        #expect(SpecSchemas.validator.validate(.integer(0), at: pointer).first?.type == "greater_than_equal")
        #expect(SpecSchemas.validator.validate(.integer(201), at: pointer).first?.type == "less_than_equal")
    }
}

extension JSONPathComponent {
    var text: String {
        switch self {
        case .key(let key): return key
        case .index(let index): return String(index)
        }
    }
}
