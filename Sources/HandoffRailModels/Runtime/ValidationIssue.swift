import Foundation

/// One step of an instance location: an object member name or an array index.
///
/// Encodes as a bare JSON string or integer, so a `loc` array reads like FastAPI's
/// `["body", "actions", "pending", 0, "id"]`.
///
/// ```swift
/// let loc: [JSONPathComponent] = [.key("actions"), .index(0)]
/// ```
public enum JSONPathComponent: Sendable, Hashable, Codable {
    /// An object member name.
    case key(String)
    /// A zero-based array index.
    case index(Int)

    /// Decodes from a JSON string (member name) or integer (array index).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let index = try? container.decode(Int.self) {
            self = .index(index)
        } else {
            self = .key(try container.decode(String.self))
        }
    }

    /// Encodes as a JSON string (member name) or integer (array index).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .key(let key): try container.encode(key)
        case .index(let index): try container.encode(index)
        }
    }

    /// The component as a JSON value (`.string` or `.integer`).
    public var jsonValue: JSONValue {
        switch self {
        case .key(let key): return .string(key)
        case .index(let index): return .integer(index)
        }
    }
}

extension Collection where Element == JSONPathComponent {
    /// The location as one readable path: `actions.pending[0].id`.
    package var readablePath: String {
        var path = ""
        for component in self {
            switch component {
            case .key(let key): path += path.isEmpty ? key : ".\(key)"
            case .index(let index): path += "[\(index)]"
            }
        }
        return path
    }
}

/// One reason an instance is invalid, shaped like a pydantic v2 / FastAPI error entry.
///
/// Clients of the Python services already parse `{"type", "loc", "msg", "input", "ctx"}`
/// documents, so the Swift server reports validation failures in the same shape and with
/// the same `type` codes and messages (`missing` / "Field required", `string_too_short` /
/// "String should have at least 1 character", …).
///
/// ```swift
/// let issue = ValidationIssue(type: "missing", loc: [.key("id")], msg: "Field required", input: [:])
/// ```
public struct ValidationIssue: Sendable, Hashable, Codable {
    /// The pydantic error type, e.g. `"string_type"`, `"missing"`, `"enum"`.
    public var type: String
    /// Where the problem is, relative to the validated value (prefix `"body"` yourself for HTTP).
    public var loc: [JSONPathComponent]
    /// Human-readable message, e.g. `"Input should be a valid string"`.
    public var msg: String
    /// The offending value; for `missing`, the enclosing object.
    public var input: JSONValue
    /// Extra machine-readable details, e.g. `{"min_length": 1}`; `nil` when there are none.
    public var ctx: [String: JSONValue]?

    /// Creates an issue.
    public init(type: String, loc: [JSONPathComponent], msg: String, input: JSONValue, ctx: [String: JSONValue]? = nil) {
        self.type = type
        self.loc = loc
        self.msg = msg
        self.input = input
        self.ctx = ctx
    }

    /// The issue as a JSON object (`ctx` omitted when `nil`), ready for `serialized()`.
    ///
    /// ```swift
    /// let detail = JSONValue.array(issues.map(\.jsonValue))
    /// ```
    public var jsonValue: JSONValue {
        var object: [String: JSONValue] = [
            "type": .string(type),
            "loc": .array(loc.map(\.jsonValue)),
            "msg": .string(msg),
            "input": input,
        ]
        if let ctx { object["ctx"] = .object(ctx) }
        return .object(object)
    }
}
