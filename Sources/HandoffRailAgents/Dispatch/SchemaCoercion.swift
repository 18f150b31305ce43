import Foundation
import HandoffRailModels

/// The schema-guided coercions of ``ToolArguments``: nulls dropped where not admitted,
/// numbers and booleans read from strings, lists joined for comma-separated query parameters.
enum SchemaCoercion {
    /// `value` fitted to `schema`, or `nil` when it should be left out (an optional `null`
    /// the schema does not admit).
    static func normalise(_ value: JSONValue, schema: JSONValue, required: Bool) -> JSONValue? {
        if value.isNull {
            // Not `cond ? value : nil`: JSONValue is ExpressibleByNilLiteral, so that `nil` would be `.null`.
            guard admitsNull(schema) || required else { return Optional<JSONValue>.none }
            return value
        }
        let schema = nonNullBranch(of: schema) ?? schema
        let types = typeNames(schema)
        switch value {
        case .string(let text) where types != nil && !types!.contains("string"):
            return scalar(parsing: text, types: types!) ?? value
        case .number(let number) where types?.contains("integer") == true && types?.contains("number") != true:
            if number.rounded() == number, let integer = Int(exactly: number) { return .integer(integer) }
            return value
        case .object(let members):
            guard let properties = schema["properties"]?.objectValue else { return value }
            let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
            var result: [String: JSONValue] = [:]
            for (name, member) in members {
                guard let memberSchema = properties[name] else {
                    result[name] = member
                    continue
                }
                if let normalised = normalise(member, schema: memberSchema, required: required.contains(name)) { result[name] = normalised }
            }
            return .object(result)
        case .array(let elements):
            guard let items = schema["items"], items.objectValue != nil else { return value }
            return .array(elements.map { normalise($0, schema: items, required: true) ?? $0 })
        default:
            return value
        }
    }

    /// An array of scalars for a query parameter the schema types as a string, joined with
    /// commas (`status`, `tags` of `handoffrail_list_packets` are comma-separated lists).
    static func joinedQueryList(_ value: JSONValue, schema: JSONValue) -> JSONValue {
        guard case .array(let elements) = value, typeNames(schema)?.contains("array") != true else { return value }
        let parts = elements.compactMap(queryText)
        guard parts.count == elements.count else { return value }
        return .string(parts.joined(separator: ","))
    }

    /// The text a scalar is sent as in a path, query or header; `nil` for null, arrays, objects.
    static func queryText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .integer(let integer): return String(integer)
        case .number(let number): return number.wireString
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }

    /// `an object`, `a string`, … for messages.
    static func kindName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .integer, .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The schema's `type` as a set of names; `nil` when it has none.
    static func typeNames(_ schema: JSONValue) -> Set<String>? {
        switch schema["type"] {
        case .string(let name)?: return [name]
        case .array(let names)?: return Set(names.compactMap(\.stringValue))
        default: return nil
        }
    }

    private static func admitsNull(_ schema: JSONValue) -> Bool {
        if let types = typeNames(schema) { return types.contains("null") }
        for keyword in ["oneOf", "anyOf"] {
            if let branches = schema[keyword]?.arrayValue { return branches.contains { admitsNull($0) } }
        }
        if let values = schema["enum"]?.arrayValue { return values.contains(.null) }
        return true
    }

    /// For `oneOf`/`anyOf` of one schema and `{type: null}`: the one schema.
    private static func nonNullBranch(of schema: JSONValue) -> JSONValue? {
        for keyword in ["oneOf", "anyOf"] {
            guard let branches = schema[keyword]?.arrayValue else { continue }
            let others = branches.filter { typeNames($0) != ["null"] }
            if others.count == 1, others.count < branches.count { return others[0] }
        }
        return nil
    }

    private static func scalar(parsing text: String, types: Set<String>) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if types.contains("integer"), let integer = Int(trimmed) { return .integer(integer) }
        if types.contains("number"), let number = Double(trimmed), number.isFinite {
            if let integer = Int(exactly: number), !trimmed.contains(".") { return .integer(integer) }
            return .number(number)
        }
        if types.contains("boolean") {
            switch trimmed.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: break
            }
        }
        return nil
    }
}
