import Foundation

/// Post-pass computing `typeHint` and `constProperties`, used only to report failed unions well.
///
/// When no `anyOf`/`oneOf` alternative matches, the evaluator reports the issues of the one
/// alternative the input was evidently meant for (its type fits and its `const` properties,
/// acting as discriminators, agree), which needs these static facts about each node.
///
/// ```swift
/// SchemaUnionHints.compute(&nodes)
/// ```
enum SchemaUnionHints {
    static func compute(_ nodes: inout [SchemaNode]) {
        var state = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 in progress, 2 done
        for id in nodes.indices { visit(id, &nodes, &state) }
    }

    private static func visit(_ id: Int, _ nodes: inout [SchemaNode], _ state: inout [UInt8]) {
        guard state[id] == 0 else { return }
        state[id] = 1
        if nodes[id].isFalse { state[id] = 2; return }
        var hint = JSONTypeMask.all
        var constants: [(name: String, value: JSONValue)] = []
        for keyword in nodes[id].keywords {
            switch keyword {
            case .type(let mask):
                hint.formIntersection(mask)
            case .constant(let value, _):
                hint.formIntersection(mask(of: value))
            case .enumeration(let values, _):
                hint.formIntersection(values.reduce(into: JSONTypeMask()) { $0.formUnion(mask(of: $1)) })
            case .ref(let target), .dynamicRef(_, let target):
                visit(Int(target), &nodes, &state)
                hint.formIntersection(nodes[Int(target)].typeHint)
                constants += nodes[Int(target)].constProperties
            case .allOf(let members):
                for member in members {
                    visit(Int(member), &nodes, &state)
                    hint.formIntersection(nodes[Int(member)].typeHint)
                    constants += nodes[Int(member)].constProperties
                }
            case .properties(let properties):
                for (name, child) in properties {
                    for childKeyword in nodes[Int(child)].keywords {
                        switch childKeyword {
                        case .constant(let value, _): constants.append((name, value))
                        case .enumeration(let values, _) where values.count == 1: constants.append((name, values[0]))
                        default: break
                        }
                    }
                }
            default:
                break
            }
        }
        nodes[id].typeHint = hint
        nodes[id].constProperties = constants
        state[id] = 2
    }

    private static func mask(of value: JSONValue) -> JSONTypeMask {
        switch value {
        case .null: return .null
        case .bool: return .boolean
        case .object: return .object
        case .array: return .array
        case .string: return .string
        case .integer: return [.integer, .number]
        case .number: return JSONNumber.isIntegral(value) ? [.integer, .number] : .number
        }
    }
}
