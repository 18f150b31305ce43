import Foundation
import HandoffRailClient
import HandoffRailModels

/// Checks a JSON document against a request schema of the spec and decodes it, so that a
/// bad document fails before any request, with every issue (as the server's 422 would).
///
/// ```swift
/// let create: PacketCreate = try PacketDocument.decode(json, as: PacketCreate.self, operationID: "createPacket")
/// ```
enum PacketDocument {
    /// `json` decoded as `type`, or a ``HandoffRailError`` of kind `.validation` listing every issue.
    static func decode<Body: Decodable & SpecValidatable>(_ json: [String: JSONValue], as type: Body.Type, operationID: String) throws -> Body {
        let value = JSONValue.object(json)
        // Locations as the server reports them: relative to the request body.
        let issues = Body.validate(value).map { issue in
            var located = issue
            located.loc.insert(.key("body"), at: 0)
            return located
        }
        guard issues.isEmpty else { throw HandoffRailError.validation(issues, operationID: operationID) }
        return try JSONValueDecoder().decode(Body.self, from: value)
    }
}
