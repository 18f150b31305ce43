import Foundation
import HandoffRailModels
import HandoffRailStorage

/// The opaque `next_cursor` string: base64url of `v1:<created_at µs>:<id>`.
///
/// Opaque to clients, stable across instances (no server state), and validated strictly:
/// anything else is the protocol's 400 `{"detail":"Invalid cursor"}`.
enum PacketCursorCodec {
    static func encode(_ cursor: PacketCursor) -> String {
        let text = "v1:\(cursor.createdAt.microsecondsSince1970):\(cursor.id.uuidString.lowercased())"
        return Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) throws -> PacketCursor {
        guard text.count <= 128 else { throw invalid }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let decoded = String(data: data, encoding: .utf8) else { throw invalid }
        let parts = decoded.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "v1", let micros = Int64(parts[1]), (0...maximumMicroseconds).contains(micros),
              let id = UUID(uuidString: String(parts[2])) else {
            throw invalid
        }
        return PacketCursor(createdAt: Date(microsecondsSince1970: micros), id: id)
    }

    static let invalid = ServiceError.badRequest("Invalid cursor", code: "invalid_cursor", field: "cursor")

    /// 9999-12-31T23:59:59.999999Z: no packet is newer, and larger values would overflow
    /// when turned back into a date and into microseconds.
    static let maximumMicroseconds: Int64 = 253_402_300_799_999_999
}
