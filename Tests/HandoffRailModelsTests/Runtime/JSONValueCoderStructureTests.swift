import Foundation
import Testing
@testable import HandoffRailModels

/// Coding paths in errors, containers, additional properties.
@Suite("JSONValue coder structure")
struct JSONValueCoderStructureTests {
    let decoder = JSONValueDecoder()
    let encoder = JSONValueEncoder()

    // MARK: Coding paths

    @Test func typeMismatchCarriesTheFullPath() {
        let body = JSONValueDecoderTests.replacing(["metadata", "source_agent", "id"], in: JSONValueDecoderTests.minimalCreate, with: 42)
        let error = JSONValueDecoderTests.failure { try decoder.decode(PacketCreate.self, from: body) }
        guard case DecodingError.typeMismatch(let type, let context)? = error else {
            Issue.record("expected typeMismatch, got \(String(describing: error))")
            return
        }
        #expect(ObjectIdentifier(type) == ObjectIdentifier(String.self))
        #expect(context.codingPath.map(\.stringValue) == ["metadata", "source_agent", "id"])
        #expect(context.debugDescription == "Expected to decode String but found number instead.")
    }

    @Test func arrayPositionsAreIntegerKeys() {
        var body = JSONValueDecoderTests.minimalCreate
        body = JSONValueDecoderTests.replacing(
            ["context", "conversation_state"], in: body, with: [["role": "user", "content": "hi"], ["role": 5, "content": "x"]])
        let error = JSONValueDecoderTests.failure { try decoder.decode(PacketCreate.self, from: body) }
        guard case DecodingError.typeMismatch(_, let context)? = error else {
            Issue.record("expected typeMismatch, got \(String(describing: error))")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["context", "conversation_state", "1", "role"])
        #expect(context.codingPath.map(\.intValue) == [nil, nil, 1, nil])
    }

    @Test func missingAndNullMembers() {
        let missing = JSONValueDecoderTests.replacing(["context", "summary"], in: JSONValueDecoderTests.minimalCreate, with: nil)
        guard case DecodingError.keyNotFound(let key, let context)? = JSONValueDecoderTests.failure({
            try decoder.decode(PacketCreate.self, from: missing)
        }) else {
            Issue.record("summary is required")
            return
        }
        #expect(key.stringValue == "summary")
        #expect(context.codingPath.map(\.stringValue) == ["context"])

        let null = JSONValueDecoderTests.replacing(["context", "summary"], in: JSONValueDecoderTests.minimalCreate, with: .null)
        guard case DecodingError.valueNotFound(_, let nullContext)? = JSONValueDecoderTests.failure({
            try decoder.decode(PacketCreate.self, from: null)
        }) else {
            Issue.record("summary cannot be null")
            return
        }
        #expect(nullContext.codingPath.map(\.stringValue) == ["context", "summary"])
    }

    @Test func pathIsRestoredAfterAFailedUnionBranch() throws {
        // `UnprocessableError` tries `HTTPValidationError` first (fails inside `detail`), then `ErrorDetail`.
        let value = try decoder.decode(UnprocessableError.self, from: ["detail": "context.custom fails its schema", "code": "schema"])
        #expect(value == .errorDetail(ErrorDetail(detail: "context.custom fails its schema", code: "schema")))
        let error = JSONValueDecoderTests.failure { try decoder.decode([UnprocessableError].self, from: [["detail": "x"], ["detail": 3]]) }
        guard case DecodingError.typeMismatch(_, let context)? = error else {
            Issue.record("expected typeMismatch, got \(String(describing: error))")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["1"])
    }

    @Test func encodingErrorsCarryThePath() {
        let error = JSONValueDecoderTests.failure { try encoder.encode(["m": Readings(readings: [1, .nan])]) }
        guard case EncodingError.invalidValue(_, let context)? = error else {
            Issue.record("NaN cannot be encoded, got \(String(describing: error))")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["m", "readings", "1"])
    }

    // MARK: Containers

    @Test func allKeysListsTheObjectsMembers() throws {
        let value = try decoder.decode(KeyLister.self, from: ["b": 1, "a": nil, "c": [:]])
        #expect(value.keys == ["a", "b", "c"])
    }

    @Test func additionalPropertiesKeepTheirNumbers() throws {
        let tree: JSONValue = ["name": "probe", "ratio": 2.0, "count": 2, "tags": ["x"], "none": nil]
        let record = try decoder.decode(OpenRecord.self, from: tree)
        #expect(record.name == "probe")
        #expect(record.extra == ["ratio": .number(2.0), "count": .integer(2), "tags": ["x"], "none": .null])
        #expect(try encoder.encode(record) == tree)
        #expect(try HandoffRailJSON.encode(record).count == tree.serializedData().count)
    }

    @Test func nestedContainersBothWays() throws {
        let shape = NestedShape(x: 1, y: 2.0, first: 7, label: "a", flag: true)
        let tree = try encoder.encode(shape)
        #expect(tree == ["point": ["x": 1, "y": 2.0], "pairs": [[7, "a"], ["k": true]]])
        #expect(try decoder.decode(NestedShape.self, from: tree) == shape)
        let bad: JSONValue = ["point": ["x": 1, "y": 2.0], "pairs": [[7, 8], ["k": true]]]
        guard case DecodingError.typeMismatch(_, let context)? = JSONValueDecoderTests.failure({ try decoder.decode(NestedShape.self, from: bad) })
        else {
            Issue.record("8 is not a label")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["pairs", "0", "1"])
    }

    @Test func superEncoderAndSuperDecoder() throws {
        let shape = SuperShape(base: AgentInfo(id: "a1", name: "Triage"), parent: 3, item: "first")
        let tree = try encoder.encode(shape)
        #expect(tree == ["super": ["id": "a1", "name": "Triage", "framework": nil, "version": nil], "parent": 3, "items": ["first"]])
        #expect(try decoder.decode(SuperShape.self, from: tree) == shape)
    }

    @Test func sameKeyTwiceKeepsTheLastValue() throws {
        #expect(try encoder.encode(TwiceWritten()) == ["key": .number(2.0), "other": .null])
    }

    @Test func valuesThatEncodeNothing() throws {
        #expect(throws: EncodingError.self) { try encoder.encode(Silent()) }
        #expect(try encoder.encode([Silent()]) == [[:]])
    }
}

/// Records the keys `allKeys` reports.
struct KeyLister: Decodable {
    var keys: [String]

    init(from decoder: any Decoder) throws {
        keys = try decoder.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue).sorted()
    }
}
