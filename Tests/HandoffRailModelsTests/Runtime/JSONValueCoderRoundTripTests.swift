import Foundation
import Testing
@testable import HandoffRailModels

/// Every fixture goes through `HandoffRailJSON.decode` → `HandoffRailJSON.encode` and comes
/// back as the same JSON, integers and doubles included (only `null` members are dropped).
@Suite("JSONValue coder round trips")
struct JSONValueCoderRoundTripTests {
    @Test("fixture round-trips exactly", arguments: FixtureCase.all)
    func fixture(_ testCase: FixtureCase) throws {
        let (original, reencoded, stable) = try testCase.wire(try FixtureLoader.data(testCase.fixture))
        let difference = reencoded.droppingNullMembers.firstDifference(from: original.droppingNullMembers)
        #expect(difference == nil, "\(testCase.fixture): \(difference ?? "")")
        #expect(stable, "\(testCase.fixture) decodes to the same value after re-encoding")
    }

    @Test("every fixture in Fixtures/ is covered")
    func coverage() throws {
        let directory = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let fixtures = Set(names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) })
        #expect(fixtures.count >= 22)
        #expect(fixtures.subtracting(FixtureCase.all.map(\.fixture)).isEmpty, "add a Case for the new fixture")
    }

    @Test("an integral double in context.custom stays a double, an integer stays an integer")
    func customNumbers() throws {
        var document = try FixtureLoader.json("packet_full")
        guard case .object(var root) = document, case .object(var context) = root["context"],
            case .object(var custom) = context["custom"]
        else {
            Issue.record("packet_full has no context.custom")
            return
        }
        custom["ratio"] = .number(2.0)
        custom["count"] = .integer(2)
        custom["mixed"] = [1.0, 1, ["deep": 3.0]]
        context["custom"] = .object(custom)
        root["context"] = .object(context)
        document = .object(root)

        let packet = try HandoffRailJSON.decode(Packet.self, from: document.serializedData())
        #expect(packet.context.custom["ratio"] == .number(2.0))
        #expect(packet.context.custom["count"] == .integer(2))
        #expect(packet.context.custom["mixed"] == .array([.number(1.0), .integer(1), .object(["deep": .number(3.0)])]))

        let text = String(decoding: try HandoffRailJSON.encode(packet), as: UTF8.self)
        #expect(text.contains(#""ratio":2.0"#))
        #expect(text.contains(#""count":2,"#) || text.contains(#""count":2}"#))
        #expect(text.contains(#"[1.0,1,{"deep":3.0}]"#))
        #expect(text.contains(#""amount":1116.0"#), "the artifact's 1116.0 stays a double")
        #expect(try JSONValue(parsing: text)["context"]?["custom"] == .object(custom))
    }
}
