import HandoffRailModels

/// A JSON value that keeps object members in document order and numbers as written.
///
/// Why not `JSONValue`: the OpenAI Agents SDK writes nested handoff history with Python's
/// `json.dumps`, which prints members in the order the item dict has them (the order the
/// model or pydantic produced). Reproducing that text byte for byte needs the order, and
/// Python keeps integers of any size exactly, so numbers keep their lexeme too.
/// Objects follow Python `dict` semantics: setting an existing key keeps its position.
///
/// ```swift
/// let item = try OrderedJSON(parsing: #"{"type":"function_call","name":"lookup"}"#)
/// item["name"]?.stringValue          // "lookup"
/// item.pythonJSONText                // {"type": "function_call", "name": "lookup"}
/// ```
public enum OrderedJSON: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// A JSON number as written (`1`, `2.0`, `1e-7`, `123456789012345678901`).
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([OrderedJSON])
    /// Members in document order; keys are unique.
    case object([Member])

    /// One object member.
    public struct Member: Sendable, Hashable {
        /// The member name.
        public var key: String
        /// Its value.
        public var value: OrderedJSON

        /// A member, e.g. `OrderedJSON.Member("type", "message")`.
        public init(_ key: String, _ value: OrderedJSON) {
            self.key = key
            self.value = value
        }
    }
}

extension OrderedJSON {
    /// The member named `key` of an object (`nil` otherwise); setting appends new keys and
    /// replaces existing ones in place, setting `nil` removes the member.
    public subscript(key: String) -> OrderedJSON? {
        get {
            guard case .object(let members) = self else { return nil }
            return members.first { $0.key == key }?.value
        }
        set {
            guard case .object(var members) = self else { return }
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key, newValue))
            }
            self = .object(members)
        }
    }

    /// The element at `index` of an array, if in range.
    public subscript(index: Int) -> OrderedJSON? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [OrderedJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members in order, if this is an object.
    public var members: [Member]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Whether this is an object.
    public var isObject: Bool { members != nil }

    /// A copy without the member `key` (Python's `dict.pop(key, None)`).
    func removing(_ key: String) -> OrderedJSON {
        var copy = self
        copy[key] = nil
        return copy
    }

    /// Whether a number lexeme is a Python `int` (no fraction, no exponent).
    static func isIntegerLexeme(_ lexeme: String) -> Bool {
        !lexeme.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
    }
}

// MARK: - JSONValue bridging

extension OrderedJSON {
    /// The same value as a `JSONValue` (member order is lost; integers beyond `Int` become doubles).
    public var jsonValue: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let lexeme):
            if Self.isIntegerLexeme(lexeme), let integer = Int(lexeme) { return .integer(integer) }
            return .number(Double(lexeme) ?? .nan)
        case .string(let text): return .string(text)
        case .array(let elements): return .array(elements.map(\.jsonValue))
        case .object(let members):
            var object: [String: JSONValue] = [:]
            for member in members { object[member.key] = member.value.jsonValue }
            return .object(object)
        }
    }

    /// A `JSONValue` with object members sorted by UTF-8 code units, so the order is stable
    /// (a `JSONValue` object has no order of its own).
    public init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let integer): self = .number(String(integer))
        case .number(let double): self = .number(double.isFinite ? double.description : (double.isNaN ? "NaN" : (double < 0 ? "-Infinity" : "Infinity")))
        case .string(let text): self = .string(text)
        case .array(let elements): self = .array(elements.map(OrderedJSON.init))
        case .object(let members):
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            self = .object(keys.map { Member($0, OrderedJSON(members[$0]!)) })
        }
    }
}

extension OrderedJSON: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
    public init(floatLiteral value: Double) { self = .number(value.description) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: OrderedJSON...) { self = .array(elements) }
    /// Members in the order written; a repeated key replaces the earlier value in place.
    public init(dictionaryLiteral elements: (String, OrderedJSON)...) {
        var object = OrderedJSON.object([])
        for (key, value) in elements { object[key] = value }
        self = object
    }
}
