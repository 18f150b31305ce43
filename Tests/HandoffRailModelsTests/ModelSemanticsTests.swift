import Foundation
import Testing
@testable import HandoffRailModels

/// Enum tolerance, defaults, PATCH tri-state, dates.
@Suite("Model semantics")
struct ModelSemanticsTests {
    static let strict: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.userInfo[.handoffRailStrictEnums] = true
        return decoder
    }()

    static func packetJSON(status: String) throws -> Data {
        var packet = try FixtureLoader.json("packet_minimal")
        guard case .object(var members) = packet else { throw CocoaError(.coderInvalidValue) }
        members["status"] = .string(status)
        packet = .object(members)
        return Data(packet.serialized())
    }

    @Test("clients keep unknown enum values; the server rejects them")
    func tolerantAndStrictEnums() throws {
        let data = try Self.packetJSON(status: "paused_by_operator")
        let packet = try JSONDecoder().decode(Packet.self, from: data)
        #expect(packet.status == .undocumented("paused_by_operator"))
        #expect(packet.status.rawValue == "paused_by_operator")
        let reencoded = try JSONValue(parsing: JSONEncoder().encode(packet))
        #expect(reencoded["status"] == .string("paused_by_operator"))
        #expect(throws: DecodingError.self) { try Self.strict.decode(Packet.self, from: data) }
        #expect(try Self.strict.decode(Packet.self, from: Self.packetJSON(status: "in_progress")).status == .inProgress)
        #expect(PacketStatus.allCases.contains(.awaitingHuman))
        #expect(PacketStatus(rawValue: "awaiting_human") == .awaitingHuman)
    }

    @Test("schema defaults apply when members are absent")
    func defaultsApply() throws {
        let json = """
        {"metadata": {"source_agent": {"id": "a", "name": "A"}, "target_agent": {"id": "b", "name": "B"}},
         "context": {"summary": "Refund request"}}
        """
        let create = try Self.strict.decode(PacketCreate.self, from: Data(json.utf8))
        #expect(create.metadata.priority == .normal)
        #expect(create.metadata.tags == [])
        #expect(create.context.conversationState == [])
    }

    @Test("PATCH bodies keep absent apart from null")
    func patchTriState() throws {
        let cleared = try Self.strict.decode(PacketUpdate.self, from: Data(#"{"hitl": null}"#.utf8))
        #expect(cleared.hitl == .null)
        let untouched = try Self.strict.decode(PacketUpdate.self, from: Data(#"{"status": "in_progress"}"#.utf8))
        #expect(untouched.hitl == .absent)
        #expect(untouched.status == .inProgress)
        #expect(String(decoding: try JSONEncoder().encode(cleared), as: UTF8.self) == #"{"hitl":null}"#)
        #expect(String(decoding: try JSONEncoder().encode(untouched), as: UTF8.self) == #"{"status":"in_progress"}"#)
    }

    @Test("dates decode with and without fractional seconds and encode as pydantic does", arguments: [
        ("2026-11-20T10:15:30Z", "2026-11-20T10:15:30Z"),
        ("2026-11-20T10:15:30.123456Z", "2026-11-20T10:15:30.123456Z"),
        ("2026-11-20T10:15:30.5+02:00", "2026-11-20T08:15:30.500000Z"),
    ])
    func dates(input: String, output: String) throws {
        let wire = try JSONDecoder().decode(WireDate.self, from: Data("\"\(input)\"".utf8))
        #expect(String(decoding: try JSONEncoder().encode(wire), as: UTF8.self) == "\"\(output)\"")
    }

    @Test("integers and doubles stay apart in free-form JSON")
    func jsonValueNumbers() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"a": 1, "b": 1.5, "c": [true, null]}"#.utf8))
        #expect(value["a"] == .integer(1))
        #expect(value["b"] == .number(1.5))
        #expect(value["c"] == [true, nil])
    }
}
