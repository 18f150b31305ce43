/// Why a native document could not be converted.
///
/// The `description` names the problem and the JSON location (`$[2].data.content`), never
/// the values found there: conversations carry customer data and errors end up in logs.
///
/// ```swift
/// do { _ = try LangChainCodec().extract(["type": "agent"]) }
/// catch { print(error) }   // malformed native JSON at $: an array of messages_to_dict messages
/// ```
public struct ConversationCodecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is; compare with the static members.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        let name: String
        /// The document does not have the shape of the format.
        public static let malformedNative = Code(name: "malformed native JSON")
        /// A role has no mapping in `ConversationRoleTable` (an undocumented packet role).
        public static let unmappedRole = Code(name: "unmapped role")
        /// An item type the format defines but this codec cannot represent.
        public static let unsupportedItem = Code(name: "unsupported item")

        public var description: String { name }
    }

    /// The kind of problem.
    public var code: Code
    /// JSONPath-like location of the offending value (`$` is the document root).
    public var location: String
    /// What was expected there.
    public var expectation: String

    /// An error at `location`.
    public init(_ code: Code, at location: String, expected expectation: String) {
        self.code = code
        self.location = location
        self.expectation = expectation
    }

    public var description: String { "\(code) at \(location): \(expectation)" }
}
