import HandoffRailModels

/// Indented JSON text of a `JSONValue`, members in sorted order, for `--format json`.
///
/// Scalars are written by `JSONValue`'s own serialiser, so integers and doubles keep their
/// wire form (`2` vs `2.0`) and strings are escaped as on the wire.
///
/// ```swift
/// print(PrettyJSON.render(["b": 1, "a": [true]]))
/// // {
/// //   "a": [
/// //     true
/// //   ],
/// //   "b": 1
/// // }
/// ```
enum PrettyJSON {
    /// The text, without a trailing newline.
    static func render(_ value: JSONValue) -> String {
        var output = ""
        write(value, indent: 0, into: &output)
        return output
    }

    private static func write(_ value: JSONValue, indent: Int, into output: inout String) {
        let inner = String(repeating: "  ", count: indent + 1)
        let closing = String(repeating: "  ", count: indent)
        switch value {
        case .array(let elements) where !elements.isEmpty:
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += inner
                write(element, indent: indent + 1, into: &output)
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            output += closing + "]"
        case .object(let members) where !members.isEmpty:
            output += "{\n"
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (index, key) in keys.enumerated() {
                output += inner + JSONValue.string(key).serializedString() + ": "
                write(members[key] ?? .null, indent: indent + 1, into: &output)
                output += index == keys.count - 1 ? "\n" : ",\n"
            }
            output += closing + "}"
        default:
            output += value.serializedString()
        }
    }
}
