import Foundation
import HandoffRailModels
import Yams

/// YAML input for `--file` (packets, schemas), converted to the same JSON tree a JSON file
/// gives: integers stay integers, `1.5` a double, dates and other tags as their text.
enum YAMLDocument {
    /// Parses `data` (named `name` in messages).
    static func parse(_ data: Data, name: String) throws(CLIFailure) -> JSONValue {
        let text = String(decoding: data, as: UTF8.self)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw .usage("\(name): invalid YAML: \(error)")
        }
        guard let node else { throw .usage("\(name): empty YAML document") }
        return try convert(node, name: name)
    }

    private static func convert(_ node: Node, name: String) throws(CLIFailure) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            return scalarValue(node, scalar)
        case .sequence(let sequence):
            var elements: [JSONValue] = []
            for element in sequence { elements.append(try convert(element, name: name)) }
            return .array(elements)
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard let keyText = key.string else { throw .usage("\(name): mapping keys must be strings") }
                members[keyText] = try convert(value, name: name)
            }
            return .object(members)
        case .alias:
            throw .usage("\(name): YAML aliases are not supported")
        }
    }

    private static func scalarValue(_ node: Node, _ scalar: Node.Scalar) -> JSONValue {
        if scalar.style != .plain { return .string(scalar.string) }
        switch node.tag.description {
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
        case Tag.Name.int.rawValue: return node.int.map(JSONValue.integer) ?? .string(scalar.string)
        case Tag.Name.float.rawValue: return node.float.map { .number(Double($0)) } ?? .string(scalar.string)
        default: return .string(scalar.string)
        }
    }
}
