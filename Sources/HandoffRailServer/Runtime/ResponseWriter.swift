import Foundation
import HandoffRailModels
import Hummingbird

/// Turns a generated `Output` case into a Hummingbird response.
public enum ResponseWriter {
    /// `code` as a status, or 500 when it is outside what HTTP allows (a service bug must not
    /// trap the server: `HTTPResponse.Status(code:)` requires 100…999).
    static func status(_ code: Int) -> HTTPResponse.Status {
        (100...599).contains(code) ? .init(code: code) : .internalServerError
    }

    /// A JSON response, written by `HandoffRailJSON` so doubles keep their `.0`.
    public static func json(_ payload: some Encodable, status: Int) throws -> Response {
        let data = try HandoffRailJSON.encode(payload)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: Self.status(status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A JSON object of string members in the given order (`{"detail":…,"field":…}`), for
    /// error bodies whose byte form clients compare: a `JSONValue` object has no member order.
    public static func orderedJSON(_ members: [(name: String, value: String)], status: Int) -> Response {
        var text = "{"
        for (index, member) in members.enumerated() {
            if index > 0 { text += "," }
            text += JSONValue.string(member.name).serializedString() + ":" + JSONValue.string(member.value).serializedString()
        }
        text += "}"
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: Self.status(status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A text response (`text/plain`, `application/yaml`, …).
    public static func text(_ payload: String, contentType: String, status: Int) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: Self.status(status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: payload)))
    }

    /// A response without a body (204).
    public static func empty(status: Int) -> Response {
        Response(status: Self.status(status))
    }

    /// A response with an opaque body.
    public static func raw(_ data: Data, status: Int) -> Response {
        Response(status: Self.status(status), body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
