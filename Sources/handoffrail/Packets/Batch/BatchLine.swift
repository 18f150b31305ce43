import HandoffRailModels

/// One line of a batch file, checked before it is sent: it must be a JSON object that is a
/// valid packet (the spec's `PacketCreate` schema), or it is rejected with every issue.
enum BatchLine {
    /// The line's packet document, or why it is rejected.
    static func parse(_ bytes: [UInt8]) -> Result<[String: JSONValue], BatchRejection> {
        let json: JSONValue
        do {
            json = try JSONValue.parse(bytes)
        } catch {
            return .failure(BatchRejection(reason: "invalid JSON: \(error)"))
        }
        guard case .object(let members) = json else {
            return .failure(BatchRejection(reason: "not a JSON object"))
        }
        let issues = PacketCreate.validate(json)
        guard issues.isEmpty else {
            let text = issues.map { issue in
                let path = issue.loc.map { component -> String in
                    switch component {
                    case .key(let key): key
                    case .index(let index): String(index)
                    }
                }.joined(separator: ".")
                return path.isEmpty ? issue.msg : "\(path): \(issue.msg)"
            }.joined(separator: "; ")
            return .failure(BatchRejection(reason: "invalid packet: \(text)"))
        }
        return .success(members)
    }
}

/// Why a line was rejected.
struct BatchRejection: Error, Sendable {
    var reason: String
}
