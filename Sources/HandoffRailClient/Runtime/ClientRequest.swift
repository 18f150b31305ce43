import Foundation
import HandoffRailModels

/// Builds a `TransportRequest` for one operation: fills path templates, appends query
/// parameters, sets headers and the JSON body. Used by the generated client.
public struct ClientRequest: Sendable {
    /// The request built so far.
    public private(set) var request: TransportRequest
    private var pathTemplate: String

    /// Starts a request for the operation `descriptor` describes.
    public init(_ descriptor: OperationDescriptor) {
        self.pathTemplate = descriptor.path
        self.request = TransportRequest(method: descriptor.method, path: descriptor.path, operationID: descriptor.id)
    }

    /// Replaces `{name}` in the path with the percent-encoded value.
    public mutating func setPathParameter(_ name: String, _ value: some WireStringConvertible) {
        let encoded = value.wireString.addingPercentEncoding(withAllowedCharacters: Self.pathSegmentAllowed) ?? value.wireString
        pathTemplate = pathTemplate.replacingOccurrences(of: "{\(name)}", with: encoded)
        request.path = pathTemplate
    }

    /// Appends `name=value` unless the value is `nil`.
    public mutating func addQueryParameter(_ name: String, _ value: (some WireStringConvertible)?) {
        guard let value else { return }
        request.query.append(URLQueryItem(name: name, value: value.wireString))
    }

    /// Sets a header unless the value is `nil`.
    public mutating func setHeader(_ name: String, _ value: (some WireStringConvertible)?) {
        guard let value else { return }
        request.headers[name] = value.wireString
    }

    /// Encodes `body` as the JSON request body (`nil` sends none), with `HandoffRailJSON` so
    /// integers and doubles stay apart on the wire.
    public mutating func setJSONBody(_ body: (some Encodable)?) throws {
        guard let body else { return }
        request.body = try HandoffRailJSON.encode(body)
        request.headers["Content-Type"] = "application/json"
    }

    /// Characters allowed unescaped in one path segment (RFC 3986 `pchar` minus `/`).
    private static let pathSegmentAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/")
        return set
    }()
}
