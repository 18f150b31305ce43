import HandoffRailAgents
import Testing

@Suite("Ordered JSON and Python json.dumps text")
struct PythonJSONTextTests {
    @Test("members keep document order; a repeated key keeps its first place and last value")
    func order() throws {
        let value = try OrderedJSON(parsing: #"{"z": 1, "a": {"y": [true, null], "b": "x"}, "z": 2}"#)
        #expect(value.members?.map(\.key) == ["z", "a"])
        #expect(value["z"] == .number("2"))
        #expect(value.pythonJSONText == #"{"z": 2, "a": {"y": [true, null], "b": "x"}}"#)
        #expect(value.compactJSONText == #"{"z":2,"a":{"y":[true,null],"b":"x"}}"#)
    }

    @Test("numbers print as Python prints int and float values read from JSON", arguments: [
        ("0", "0"), ("-0", "0"), ("-12", "-12"), ("123456789012345678901234567890", "123456789012345678901234567890"),
        ("2.0", "2.0"), ("-0.0", "-0.0"), ("1e-05", "1e-05"), ("0.0001", "0.0001"), ("1E16", "1e+16"),
        ("1e15", "1000000000000000.0"), ("1.5E+3", "1500.0"), ("5e-324", "5e-324"), ("1e400", "Infinity"), ("-1e400", "-Infinity"),
        ("9.2625e15", "9262500000000000.0"), ("-9125000000000000.0", "-9125000000000000.0"), ("9999999999999998.0", "9999999999999998.0"),
        ("0.00012", "0.00012"), ("-1.5e-7", "-1.5e-07"), ("1.7976931348623157e308", "1.7976931348623157e+308"), ("123.456e1", "1234.56"),
    ])
    func numbers(lexeme: String, python: String) throws {
        #expect(try OrderedJSON(parsing: lexeme).pythonJSONText == python)
    }

    @Test("strings: Python's escapes, lower-case \\u00XX for other controls, non-ASCII as is")
    func strings() throws {
        let value = try OrderedJSON(parsing: #""a\"b\\c\n\r\t\b\f\u0001\u001f\u007f é 😀 \ud83d\ude00 \/""#)
        #expect(value.pythonJSONText == "\"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\u{7f} é 😀 😀 /\"")
    }

    @Test("invalid documents are errors with a position", arguments: [
        "", "{", "[1,]", #"{"a" 1}"#, "01", "1.", "nul", "\"\u{01}\"", #""\ud800""#, "[1] x", "NaN",
    ])
    func invalid(text: String) {
        #expect(throws: OrderedJSONParseError.self) { try OrderedJSON(parsing: text) }
    }

    @Test("JSONValue bridging: integers stay integers, members come in sorted order")
    func bridging() throws {
        let ordered = OrderedJSON(["b": 1, "a": [2.5, "x"], "c": nil])
        #expect(ordered.members?.map(\.key) == ["a", "b", "c"])
        #expect(ordered.jsonValue == ["b": 1, "a": [2.5, "x"], "c": nil])
        #expect(try OrderedJSON(parsing: "12345678901234567890123").jsonValue == .number(12345678901234567890123.0))
    }

    @Test("setting a member replaces it in place; setting nil removes it")
    func mutation() {
        var value: OrderedJSON = ["a": 1, "b": 2]
        value["a"] = "x"
        value["c"] = 3
        value["b"] = nil
        #expect(value.pythonJSONText == #"{"a": "x", "c": 3}"#)
    }
}
