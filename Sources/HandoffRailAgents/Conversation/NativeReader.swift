import HandoffRailModels

/// Typed access to native JSON that fails with the location of the problem.
///
/// ```swift
/// let messages = try NativeReader.array(native, at: "$", expected: "an array of messages")
/// ```
enum NativeReader {
    static func array(_ value: JSONValue?, at location: String, expected: String) throws(ConversationCodecError) -> [JSONValue] {
        guard let elements = value?.arrayValue else { throw malformed(location, expected) }
        return elements
    }

    static func object(_ value: JSONValue?, at location: String, expected: String) throws(ConversationCodecError) -> [String: JSONValue] {
        guard let members = value?.objectValue else { throw malformed(location, expected) }
        return members
    }

    static func string(_ value: JSONValue?, at location: String, expected: String) throws(ConversationCodecError) -> String {
        guard let text = value?.stringValue else { throw malformed(location, expected) }
        return text
    }

    /// A string member, `nil` when absent or JSON `null`, an error for any other kind.
    static func optionalString(_ value: JSONValue?, at location: String) throws(ConversationCodecError) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw malformed(location, "a string or null")
        }
    }

    static func malformed(_ location: String, _ expected: String) -> ConversationCodecError {
        ConversationCodecError(.malformedNative, at: location, expected: expected)
    }
}
