import Foundation
import Testing
@testable import HandoffRailModels

@Suite("JSONValue encoder")
struct JSONValueEncoderTests {
    let encoder = JSONValueEncoder()

    @Test func doublesStayNumbersEvenWhenIntegral() throws {
        #expect(try encoder.encode(2.0) == .number(2.0))
        #expect(try encoder.encode(-0.0) == .number(-0.0))
        #expect(try encoder.encode([1.0, 2.5]) == [.number(1.0), .number(2.5)])
        #expect(try encoder.encode(["a": 2.0]) == ["a": .number(2.0)])
        #expect(try encoder.encode(Float(0.1)) == .number(0.1))
        #expect(try encoder.encode(Float(3)) == .number(3.0))
        #expect(String(decoding: try HandoffRailJSON.encode(["a": 2.0, "b": 1e16]), as: UTF8.self).contains(#""a":2.0"#))
        #expect(String(decoding: try HandoffRailJSON.encode([2.0, 2]), as: UTF8.self) == "[2.0,2.0]")
        #expect(String(decoding: try HandoffRailJSON.encode([JSONValue.number(2.0), .integer(2)]), as: UTF8.self) == "[2.0,2]")
    }

    @Test func integersOfEveryWidth() throws {
        #expect(try encoder.encode(Int8(-5)) == .integer(-5))
        #expect(try encoder.encode([UInt8(255)]) == [.integer(255)])
        #expect(try encoder.encode(["k": Int64.min]) == ["k": .integer(Int.min)])
        #expect(try encoder.encode(UInt64(Int.max)) == .integer(Int.max))
        #expect(try encoder.encode(Int128(42)) == .integer(42))
        #expect(try encoder.encode(UInt32.max) == .integer(4_294_967_295))
    }

    @Test("integers beyond Int throw", arguments: [0, 1, 2])
    func integersBeyondInt(_ position: Int) {
        let error = JSONValueDecoderTests.failure {
            switch position {
            case 0: try encoder.encode(UInt64.max)
            case 1: try encoder.encode(["k": UInt(Int.max) + 1])
            default: try encoder.encode([Int128(Int.max) + 1])
            }
        }
        guard case EncodingError.invalidValue(_, let context)? = error else {
            Issue.record("expected invalidValue, got \(String(describing: error))")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == [[], ["k"], ["0"]][position])
    }

    @Test("non-finite doubles throw", arguments: [Double.nan, .infinity, -.infinity])
    func nonFinite(_ value: Double) {
        #expect(throws: EncodingError.self) { try encoder.encode(value) }
        #expect(throws: EncodingError.self) { try encoder.encode(["k": value]) }
        #expect(throws: EncodingError.self) { try encoder.encode([Float(value)]) }
    }

    @Test func scalarsAndNil() throws {
        #expect(try encoder.encode(true) == .bool(true))
        #expect(try encoder.encode("x") == .string("x"))
        #expect(try encoder.encode([nil, "a"] as [String?]) == [.null, "a"])
        #expect(try encoder.encode(["k": nil] as [String: Int?]) == ["k": .null])
        #expect(try encoder.encode(Int?.none) == .null)
    }

    @Test func jsonValueEncodesAsItself() throws {
        let tree: JSONValue = ["n": 2.0, "i": 2, "a": [nil, false, 0.5, "s"], "o": [:]]
        #expect(try encoder.encode(tree) == tree)
        #expect(try encoder.encode(JSONValue.number(2.0)) == .number(2.0))
        #expect(try encoder.encode(["nested": [tree]]) == ["nested": [tree]])
        #expect(try encoder.encode(ContextEntry(role: .user, content: "hi", metadata: ["score": 2.0]))["metadata"] == ["score": .number(2.0)])
    }

    @Test func foundationTypesHaveAFixedForm() throws {
        let date = Date(timeIntervalSince1970: 1_795_168_931)
        #expect(try encoder.encode(date) == "2026-11-20T10:02:11Z")
        #expect(try encoder.encode(URL(string: "https://example.com/a?b=1")!) == "https://example.com/a?b=1")
        #expect(try encoder.encode(Data([0, 1, 255])) == "AAH/")
        let decoder = JSONValueDecoder()
        #expect(try decoder.decode(Date.self, from: "2026-11-20T10:02:11Z") == date)
        #expect(try decoder.decode(URL.self, from: "https://example.com/a?b=1") == URL(string: "https://example.com/a?b=1"))
        #expect(try decoder.decode(Data.self, from: "AAH/") == Data([0, 1, 255]))
        #expect(throws: DecodingError.self) { try decoder.decode(Data.self, from: "not base64!") }
    }

    @Test func decimalsAreExactOrRejected() throws {
        #expect(try encoder.encode(Decimal(2)) == .integer(2))
        #expect(try encoder.encode(Decimal(string: "2.5")!) == .number(2.5))
        #expect(try encoder.encode(Decimal(string: "0.1")!) == .number(0.1))
        #expect(try encoder.encode(Decimal(string: "-1e-7")!) == .number(-1e-7))
        #expect(throws: EncodingError.self) { try encoder.encode(Decimal(string: "0.12345678901234567890123")!) }
        #expect(throws: EncodingError.self) { try encoder.encode(Decimal(string: "123456789012345678901234567890")!) }
        #expect(throws: EncodingError.self) { try encoder.encode(Decimal.nan) }
        let decoder = JSONValueDecoder()
        #expect(try decoder.decode(Decimal.self, from: .number(0.1)) == Decimal(string: "0.1"))
        #expect(try decoder.decode(Decimal.self, from: .integer(7)) == Decimal(7))
        #expect(throws: DecodingError.self) { try decoder.decode(Decimal.self, from: "0.1") }
    }

    @Test func userInfoReachesEncodableTypes() throws {
        var custom = JSONValueEncoder()
        custom.userInfo[CodingUserInfoKey(rawValue: "test.marker")!] = "on"
        #expect(try custom.encode(UserInfoProbe(marker: nil)) == ["on"])
        #expect(try encoder.encode(UserInfoProbe(marker: nil)) == [nil])
    }

    @Test func generatedModelsUseWireForms() throws {
        let id = UUID(uuidString: "E90337C0-68D7-46C0-B503-7436119CECFD")!
        let tree = try encoder.encode(Dependency(id: "stripe", type: .api, description: "Invoicing", status: .available))
        #expect(tree["type"] == "api")
        #expect(tree["status"] == "available")
        #expect(try encoder.encode(WireUUID(id)) == "e90337c0-68d7-46c0-b503-7436119cecfd")
        #expect(try encoder.encode(WireDate(Date(timeIntervalSince1970: 0.25))) == "1970-01-01T00:00:00.250000Z")
    }
}
