import HandoffRailClient
import HandoffRailModels

/// Why a tool call failed, in a form a language model can act on.
///
/// ``message`` is one line written for the model that made the call: which tool does not
/// exist, which argument is wrong, or what the API answered (its own message, every field
/// issue of a 422, the current claimer of a claim conflict). It never contains the API key.
/// Frameworks usually hand it back as the tool result (see ``ToolCall/errorResult(_:)``)
/// so the model can correct itself.
///
/// ```swift
/// do {
///     let packet = try await dispatcher.call("handoffrail_claim_packet", arguments: ["packet_id": .string(id)])
/// } catch {
///     // error.kind == .api, error.apiError?.kind == .conflict
///     print(error.message)   // "HTTP 409: Packet already claimed; claimed by Billing (billing-01)"
/// }
/// ```
public struct ToolCallError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable {
        /// The name is not one of the dispatcher's tools.
        case unknownTool
        /// The arguments do not fit the tool's input schema (not an object, an unknown or a
        /// missing argument, a value that cannot go where the tool sends it).
        case invalidArguments
        /// The API refused the call, or could not be reached; see ``ToolCallError/apiError``.
        case api
    }

    /// What went wrong.
    public var kind: Kind
    /// The tool that was called (as the model wrote it).
    public var toolName: String
    /// One line for a model to read: for API errors, the API's own message (+ field issues for
    /// 422, the claimant for a claim conflict); never the API key.
    public var message: String
    /// The client's error for `.api`.
    public var apiError: HandoffRailError?

    /// An error; `message` is redacted of anything that looks like an API key.
    public init(kind: Kind, toolName: String, message: String, apiError: HandoffRailError? = nil) {
        self.kind = kind
        self.toolName = toolName
        self.message = KeyRedaction.redact(message)
        self.apiError = apiError
    }

    /// `handoffrail_claim_packet failed (api): HTTP 409: Packet already claimed; claimed by …`
    public var description: String {
        "\(toolName) failed (\(kind.rawValue)): \(message)"
    }
}

extension ToolCallError {
    static func unknownTool(_ name: String, known: [ToolSpec]) -> ToolCallError {
        let names = known.map(\.name).joined(separator: ", ")
        return ToolCallError(kind: .unknownTool, toolName: name, message: "There is no tool named '\(name)'. Available tools: \(names).")
    }

    static func invalidArguments(_ tool: String, _ message: String) -> ToolCallError {
        ToolCallError(kind: .invalidArguments, toolName: tool, message: message)
    }

    static func api(_ tool: String, _ error: HandoffRailError) -> ToolCallError {
        ToolCallError(kind: .api, toolName: tool, message: APIErrorMessage.line(for: error), apiError: error)
    }
}

/// Removes API keys (`hr_…`) from text meant for a model.
enum KeyRedaction {
    static func redact(_ text: String) -> String {
        text.replacing(#/\bhr_[A-Za-z0-9_\-]+/#, with: "hr_[redacted]")
    }
}
