import Foundation
import Testing
@testable import HandoffRailModels

@Suite("multipleOf")
struct MultipleOfTests {
    @Test("exact decimal arithmetic", arguments: [
        (JSONValue.number(19.99), JSONValue.number(0.01), true),
        (.number(0.3), .number(0.1), true),
        (.number(0.35), .number(0.1), false),
        (.number(0.0075), .number(0.0001), true),
        (.number(0.00751), .number(0.0001), false),
        (.number(4.5), .number(1.5), true),
        (.number(4.6), .number(1.5), false),
        (.integer(10), .number(2.5), true),
        (.integer(10), .number(0.3), false),
        (.number(7.0), .integer(7), true),
        (.integer(12_391_239_123), .number(1e-8), true),
        (.number(1e308), .number(0.5), true),
        (.number(1e308), .number(0.123456789), false),
        (.number(1e-300), .number(1e-301), true),
        (.number(1e-301), .number(1e-300), false),
        (.number(-0.02), .number(0.01), true),
        (.integer(0), .number(0.7), true),
        (.number(-0.0), .integer(3), true),
    ])
    func decimals(_ value: JSONValue, _ divisor: JSONValue, _ expected: Bool) {
        #expect(DecimalMultiple.isMultiple(value, of: divisor) == expected)
    }

    @Test("integers, including the extremes", arguments: [
        (Int.max, 2, false),
        (Int.min, 2, true),
        (Int.min, -1, true),
        (Int.max, Int.max, true),
        (Int.max, Int.min, false),
        (Int.min, Int.min, true),
        (-12, 4, true),
        (13, 4, false),
    ])
    func integers(_ value: Int, _ divisor: Int, _ expected: Bool) {
        #expect(DecimalMultiple.isMultiple(.integer(value), of: .integer(divisor)) == expected)
    }

    @Test func hugeIntegerDivisorWithFractionalValueDoesNotOverflow() {
        #expect(!DecimalMultiple.isMultiple(.number(0.5), of: .integer(Int.max)))
        #expect(!DecimalMultiple.isMultiple(.number(1e300), of: .integer(Int.max)))
        #expect(DecimalMultiple.isMultiple(.number(9.223372036854775807e300), of: .integer(Int.max)) == false)
        #expect(DecimalMultiple.isMultiple(.number(1e30), of: .integer(1_000_000_007)) == false)
        #expect(DecimalMultiple.isMultiple(.number(1e30), of: .integer(1024)))
    }

    @Test func throughTheValidator() throws {
        let validator = try JSONSchemaValidator(schema: ["type": "number", "multipleOf": 0.01])
        #expect(validator.isValid(19.99))
        #expect(validator.isValid(0.07))
        #expect(validator.isValid(1))
        #expect(!validator.isValid(0.001))
        #expect(validator.isValid("not a number"[...].isEmpty ? 1 : 2))
        #expect(throws: JSONSchemaError.self) { try JSONSchemaValidator(schema: ["multipleOf": 0]) }
        #expect(throws: JSONSchemaError.self) { try JSONSchemaValidator(schema: ["multipleOf": -1]) }
    }
}
