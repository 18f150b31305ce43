import Foundation
import HandoffRailModels
import MCP

/// Converts between HandoffRail's `JSONValue` and the MCP SDK's `Value`.
///
/// Both keep integers apart from floating-point numbers, so the mapping is one to one except
/// for `Value.data`: the SDK decodes any JSON string that looks like a data URL
/// (`data:image/png;base64,…`) into `.data`, and this bridge turns it back into the data URL
/// text the SDK itself would write (`Data.dataURLEncoded(mimeType:)`).
///
/// ```swift
/// let arguments = MCPValueBridge.json(from: .object(params.arguments ?? [:]))
/// let structured = MCPValueBridge.value(from: packetJSON)
/// ```
package enum MCPValueBridge {
    /// The MCP value for `json`.
    package static func value(from json: JSONValue) -> Value {
        switch json {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .integer(let integer): .int(integer)
        case .number(let double): .double(double)
        case .string(let string): .string(string)
        case .array(let elements): .array(elements.map(value(from:)))
        case .object(let members): .object(members.mapValues(value(from:)))
        }
    }

    /// The JSON value for `value`.
    package static func json(from value: Value) -> JSONValue {
        switch value {
        case .null: .null
        case .bool(let flag): .bool(flag)
        case .int(let integer): .integer(integer)
        case .double(let double): .number(double)
        case .string(let string): .string(string)
        case .data(let mimeType, let data): .string(data.dataURLEncoded(mimeType: mimeType))
        case .array(let elements): .array(elements.map(json(from:)))
        case .object(let members): .object(members.mapValues(json(from:)))
        }
    }

    /// The arguments of a `tools/call` as one JSON object (an absent `arguments` is `{}`).
    package static func arguments(_ arguments: [String: Value]?) -> JSONValue {
        .object((arguments ?? [:]).mapValues(json(from:)))
    }
}
