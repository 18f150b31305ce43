import Foundation
import Testing
@testable import HandoffRailModels

@Suite("JSON serializer")
struct JSONSerializerTests {
    @Test("numbers", arguments: [
        (JSONValue.integer(0), "0"),
        (.integer(-42), "-42"),
        (.integer(Int.min), "-9223372036854775808"),
        (.number(1.0), "1.0"),
        (.number(-0.0), "-0.0"),
        (.number(0.1), "0.1"),
        (.number(2.5), "2.5"),
        (.number(100), "100.0"),
        (.number(1e15), "1000000000000000.0"),
        (.number(1e16), "1e+16"),
        (.number(1e-7), "1e-07"),
        (.number(1.2345678901234568e17), "1.2345678901234568e+17"),
        (.number(.leastNonzeroMagnitude), "5e-324"),
        (.number(.infinity), "null"),
        (.number(.nan), "null"),
    ])
    func numbers(_ value: JSONValue, _ text: String) {
        #expect(value.serializedString() == text)
    }

    @Test func escapesStrings() {
        let value = JSONValue.string("q\"b\\s/n\nt\tr\rb\u{8}f\u{c}z\u{0}u\u{1F}é😀\u{7F}")
        #expect(value.serializedString() == #""q\"b\\s/n\nt\tr\rb\bf\fz\u0000u\u001fé😀\#u{7F}""#)
    }

    @Test func compactAndSorted() {
        let value: JSONValue = ["b": [1, 2.0, nil, true], "a": ["é": "x", "Z": false, "z": [:]], "B": []]
        #expect(value.serializedString(sortedKeys: true) == #"{"B":[],"a":{"Z":false,"z":{},"é":"x"},"b":[1,2.0,null,true]}"#)
        #expect(value.serializedData(sortedKeys: true) == Data(value.serialized(sortedKeys: true)))
    }

    @Test("round trip", arguments: [
        #"{"a":[1,2.5,-0.0,1e-07,"x\n\u0001"],"b":{"c":null,"d":true}}"#,
        #"[9223372036854775807,-9223372036854775808,1e+300,0.1,1.0]"#,
        #""\u00e9\ud83d\ude00""#,
    ])
    func roundTrip(_ text: String) throws {
        let value = try JSONValue(parsing: text)
        let reparsed = try JSONValue(parsing: value.serializedData())
        #expect(reparsed == value)
        #expect(reparsed.serializedString(sortedKeys: true) == value.serializedString(sortedKeys: true))
    }

    @Test func unsortedOutputParsesBack() throws {
        let value: JSONValue = ["k\(1)": 1, "k2": ["nested": [1, "two", 3.5]], "k3": nil]
        #expect(try JSONValue(parsing: value.serializedString()) == value)
    }
}
