import Foundation
import Testing
@testable import HandoffRailModels

@Suite("JSONValue decoder")
struct JSONValueDecoderTests {
    let decoder = JSONValueDecoder()

    /// The smallest valid `PacketCreate` body.
    static let minimalCreate: JSONValue = [
        "metadata": [
            "source_agent": ["id": "triage-01", "name": "Triage"],
            "target_agent": ["id": "billing-02", "name": "Billing"],
        ],
        "context": ["summary": "Upgrade Acme to Business"],
    ]

    /// `value` with the member at `path` replaced by `member`.
    static func replacing(_ path: [String], in value: JSONValue, with member: JSONValue?) -> JSONValue {
        guard let first = path.first, case .object(var members) = value else { return member ?? .null }
        if path.count == 1 {
            members[first] = member
        } else {
            members[first] = replacing(Array(path.dropFirst()), in: members[first] ?? [:], with: member)
        }
        return .object(members)
    }

    // MARK: Numbers

    @Test func integersDecodeIntoEveryTypeTheyFit() throws {
        #expect(try decoder.decode(Int8.self, from: .integer(-128)) == -128)
        #expect(try decoder.decode(UInt8.self, from: .integer(255)) == 255)
        #expect(try decoder.decode(Int64.self, from: .integer(Int.min)) == Int64.min)
        #expect(try decoder.decode(UInt64.self, from: .integer(Int.max)) == UInt64(Int.max))
        #expect(try decoder.decode(Int128.self, from: .integer(-7)) == -7)
        #expect(try decoder.decode(Double.self, from: .integer(3)) == 3.0)
        #expect(try decoder.decode(Float.self, from: .integer(3)) == 3.0)
        #expect(try decoder.decode([Int16].self, from: [1, -2, 3]) == [1, -2, 3])
    }

    @Test("an integer that does not fit is dataCorrupted", arguments: [
        (JSONValue.integer(128), "Int8"), (.integer(-1), "UInt"), (.integer(70000), "UInt16"), (.number(1e20), "Int"),
        (.number(1.5), "Int"), (.number(-1.0), "UInt32"),
    ])
    func integerOutOfRange(_ value: JSONValue, _ type: String) {
        let error: (any Error)?
        switch type {
        case "Int8": error = Self.failure { try decoder.decode(Int8.self, from: value) }
        case "UInt": error = Self.failure { try decoder.decode(UInt.self, from: value) }
        case "UInt16": error = Self.failure { try decoder.decode(UInt16.self, from: value) }
        case "UInt32": error = Self.failure { try decoder.decode(UInt32.self, from: value) }
        default: error = Self.failure { try decoder.decode(Int.self, from: value) }
        }
        guard case DecodingError.dataCorrupted(let context)? = error else {
            Issue.record("expected dataCorrupted, got \(String(describing: error))")
            return
        }
        #expect(context.debugDescription.contains("does not fit in \(type)"))
    }

    @Test func integralDoublesDecodeIntoIntegers() throws {
        #expect(try decoder.decode(Int.self, from: .number(1.0)) == 1)
        #expect(try decoder.decode(UInt8.self, from: .number(255.0)) == 255)
        #expect(try decoder.decode(Int.self, from: .number(-0.0)) == 0)
        #expect(try decoder.decode([Int].self, from: [1, 2.0, 3]) == [1, 2, 3])
    }

    @Test func doublesAndFloats() throws {
        #expect(try decoder.decode(Double.self, from: .number(2.5)) == 2.5)
        #expect(try decoder.decode(Float.self, from: .number(0.1)) == Float(0.1))
        #expect(try decoder.decode(Double.self, from: .integer(Int.max)) == 9.223372036854775807e18)
        guard case DecodingError.dataCorrupted? = Self.failure({ try decoder.decode(Float.self, from: .number(1e300)) }) else {
            Issue.record("1e300 does not fit in Float")
            return
        }
    }

    @Test func jsonValueDecodesAsItself() throws {
        let tree: JSONValue = ["a": 2.0, "b": 2, "c": [nil, true, "x", 1.5], "d": [:]]
        #expect(try decoder.decode(JSONValue.self, from: tree) == tree)
        #expect(try decoder.decode(JSONValue.self, from: .number(2.0)) == .number(2.0))
        #expect(try decoder.decode([String: JSONValue].self, from: tree)["a"] == .number(2.0))
        #expect(try decoder.decode([JSONValue].self, from: [2.0, 2]) == [.number(2.0), .integer(2)])
        #expect(try decoder.decode([String: [JSONValue]].self, from: ["k": [1.0]]) == ["k": [.number(1.0)]])
    }

    // MARK: Strictness

    @Test("no coercion between bool, number and string", arguments: [
        (JSONValue.integer(1), "Bool"), (.number(0.0), "Bool"), (.string("true"), "Bool"),
        (.bool(true), "Int"), (.string("1"), "Int"), (.bool(false), "Double"), (.integer(1), "String"),
        (.bool(true), "String"), (.array([]), "String"), (.object([:]), "Int"),
    ])
    func typeMismatch(_ value: JSONValue, _ type: String) {
        let error: (any Error)?
        switch type {
        case "Bool": error = Self.failure { try decoder.decode(Bool.self, from: value) }
        case "Int": error = Self.failure { try decoder.decode(Int.self, from: value) }
        case "Double": error = Self.failure { try decoder.decode(Double.self, from: value) }
        default: error = Self.failure { try decoder.decode(String.self, from: value) }
        }
        guard case DecodingError.typeMismatch(let expected, _)? = error else {
            Issue.record("expected typeMismatch, got \(String(describing: error))")
            return
        }
        #expect("\(expected)" == type)
    }

    @Test func boolsOnlyFromBools() throws {
        #expect(try decoder.decode(Bool.self, from: .bool(true)) == true)
        #expect(try decoder.decode([Bool].self, from: [false, true]) == [false, true])
        #expect(Self.failure { try decoder.decode([Bool].self, from: [true, 1]) } is DecodingError)
    }

    @Test func stringArrays() throws {
        #expect(try decoder.decode([String].self, from: ["a", "b"]) == ["a", "b"])
        #expect(try decoder.decode([String].self, from: []) == [])
        guard case DecodingError.typeMismatch(_, let context)? = Self.failure({ try decoder.decode([String: [String]].self, from: ["tags": ["a", 1]]) })
        else {
            Issue.record("1 is not a String")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["tags", "1"])
        guard case DecodingError.valueNotFound? = Self.failure({ try decoder.decode([String].self, from: ["a", nil]) }) else {
            Issue.record("null is not a String")
            return
        }
    }

    @Test func nullIsOnlyNil() throws {
        #expect(try decoder.decode(String?.self, from: .null) == nil)
        #expect(try decoder.decode(String?.self, from: "x") == "x")
        #expect(try decoder.decode([Int?].self, from: [1, nil]) == [1, nil])
        guard case DecodingError.valueNotFound? = Self.failure({ try decoder.decode(String.self, from: .null) }) else {
            Issue.record("null is not a String")
            return
        }
        #expect(try decoder.decode(Int?.self, from: .integer(0)) == 0, "0 is not nil")
        #expect(try decoder.decode(Bool?.self, from: .bool(false)) == false, "false is not nil")
    }

    // MARK: Members

    @Test func decodeIfPresentTreatsAbsentAndNullAlike() throws {
        let absent = try decoder.decode(AgentInfo.self, from: ["id": "a", "name": "A"])
        let null = try decoder.decode(AgentInfo.self, from: ["id": "a", "name": "A", "framework": nil, "version": nil])
        #expect(absent.framework == nil && null.framework == nil && absent == null)
        let set = try decoder.decode(AgentInfo.self, from: ["id": "a", "name": "A", "framework": "crewai"])
        #expect(set.framework == "crewai")
    }

    @Test func patchFieldKeepsAbsentApartFromNull() throws {
        let checkpoint: JSONValue = ["required": true, "reason": "Refund above limit"]
        let absent = try decoder.decode(PacketUpdate.self, from: ["status": "completed"])
        let null = try decoder.decode(PacketUpdate.self, from: ["hitl": nil])
        let value = try decoder.decode(PacketUpdate.self, from: ["hitl": checkpoint])
        #expect(absent.hitl == .absent)
        #expect(absent.status == .completed)
        #expect(null.hitl == .null)
        #expect(value.hitl.value?.reason == "Refund above limit")

        let encoder = JSONValueEncoder()
        #expect(try encoder.encode(absent)["hitl"] == nil)
        #expect(try encoder.encode(null)["hitl"] == .null)
        #expect(try encoder.encode(value)["hitl"]?["reason"] == "Refund above limit")
    }

    @Test func strictEnumsFollowUserInfo() throws {
        let body = Self.replacing(["metadata", "priority"], in: Self.minimalCreate, with: "urgent")
        let tolerant = try decoder.decode(PacketCreate.self, from: body)
        #expect(tolerant.metadata.priority == .undocumented("urgent"))

        var strict = JSONValueDecoder()
        strict.userInfo[.handoffRailStrictEnums] = true
        guard case DecodingError.dataCorrupted(let context)? = Self.failure({ try strict.decode(PacketCreate.self, from: body) }) else {
            Issue.record("a strict decoder rejects 'urgent'")
            return
        }
        #expect(context.codingPath.map(\.stringValue) == ["metadata", "priority"])
        #expect(context.debugDescription.contains("'urgent' is not a Priority value"))
        #expect(try strict.decode(PacketCreate.self, from: Self.minimalCreate).metadata.priority == .normal)

        let data = body.serializedData()
        #expect(throws: DecodingError.self) { try HandoffRailJSON.decode(PacketCreate.self, from: data, strictEnums: true) }
        #expect(try HandoffRailJSON.decode(PacketCreate.self, from: data).metadata.priority == .undocumented("urgent"))
    }

    @Test func userInfoReachesDecodableTypes() throws {
        var custom = JSONValueDecoder()
        let key = CodingUserInfoKey(rawValue: "test.marker")!
        custom.userInfo[key] = "on"
        #expect(try custom.decode(UserInfoProbe.self, from: [1]).marker == "on")
        #expect(try decoder.decode(UserInfoProbe.self, from: [1]).marker == nil)
    }

    // MARK: Dates

    @Test func nestedArraysOfDatesThroughWireDate() throws {
        let tree: JSONValue = [["2026-11-20T10:15:30.123456Z", "2026-11-20T12:15:30+02:00"], [], ["2026-11-20T10:02:11Z"]]
        let dates = try decoder.decode([[WireDate]].self, from: tree)
        #expect(dates.map(\.count) == [2, 0, 1])
        #expect(dates[0][1].date == Date(timeIntervalSince1970: 1_795_169_730), "+02:00 is read as an offset")
        #expect(dates[2][0].date == Date(timeIntervalSince1970: 1_795_168_931))
        let back = try JSONValueEncoder().encode(dates)
        #expect(back == [["2026-11-20T10:15:30.123456Z", "2026-11-20T10:15:30Z"], [], ["2026-11-20T10:02:11Z"]])

        guard case DecodingError.dataCorrupted(let context)? = Self.failure({ try decoder.decode([[WireDate]].self, from: [[], ["yesterday"]]) })
        else {
            Issue.record("'yesterday' is not a date")
            return
        }
        #expect(context.codingPath.map(\.intValue) == [1, 0])
    }

    @Test func plainDatesUseRFC3339() throws {
        let date = Date(timeIntervalSince1970: 1_795_168_931.5)
        let tree = try JSONValueEncoder().encode(["at": date])
        #expect(tree == ["at": "2026-11-20T10:02:11.500000Z"])
        #expect(try decoder.decode([String: Date].self, from: tree)["at"] == date)
        #expect(Self.failure { try decoder.decode(Date.self, from: .number(1_795_168_931)) } is DecodingError)
    }

    // MARK: Helpers

    /// The error `body` throws, or `nil`.
    static func failure<T>(_ body: () throws -> T) -> (any Error)? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }
}

/// Reads `userInfo["test.marker"]` while decoding.
struct UserInfoProbe: Codable {
    var marker: String?

    init(marker: String?) { self.marker = marker }

    init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        _ = try container.decode(Int.self)
        marker = decoder.userInfo[CodingUserInfoKey(rawValue: "test.marker")!] as? String
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(encoder.userInfo[CodingUserInfoKey(rawValue: "test.marker")!] as? String)
    }
}
