import Foundation
import Testing
@testable import HandoffRailModels

/// The generated models also work with Foundation's coders, as an SDK consumer may use
/// them. Foundation writes `2.0` as `2`, so numbers are compared as JSON numbers here; the
/// exact wire path (`HandoffRailJSON`) is checked by `JSONValueCoderRoundTripTests`.
@Suite("Model round trips with Foundation coders")
struct ModelRoundTripTests {
    @Test("every fixture decodes with JSONDecoder and encodes back", arguments: FixtureCase.all)
    func foundationRoundTrip(_ testCase: FixtureCase) throws {
        let (original, reencoded, stable) = try testCase.foundation(FixtureLoader.data(testCase.fixture))
        let difference = reencoded.normalizedForComparison.firstDifference(from: original.normalizedForComparison)
        #expect(difference == nil, "\(testCase.fixture) did not round-trip: \(difference ?? "")")
        #expect(stable)
    }

    @Test("a full packet exposes its sections as typed values")
    func typedAccess() throws {
        let packet = try JSONDecoder().decode(Packet.self, from: FixtureLoader.data("packet_full"))
        #expect(packet.context.conversationState.contains { $0.role == .human })
        #expect(packet.context.artifacts.contains { if case .string = $0.value { true } else { false } })
        #expect(packet.context.artifacts.contains { if case .object = $0.value { true } else { false } })
        #expect(packet.context.artifacts.contains { if case .array = $0.value { true } else { false } })
        #expect(packet.parentPacketId != nil)
        let encoded = String(decoding: try JSONEncoder().encode(packet), as: UTF8.self)
        #expect(encoded.contains(packet.id.uuidString.lowercased()), "UUIDs are written lowercase")
    }
}
