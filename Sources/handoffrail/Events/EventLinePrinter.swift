import HandoffRailClient
import HandoffRailModels

/// Writes one line per live event: aligned text, JSON Lines, or the packet id alone.
struct EventLinePrinter {
    let output: OutputPrinter

    func print(_ event: HandoffRailEvent) {
        if output.quiet {
            output.write(event.packetID.lowercasedString)
            return
        }
        switch output.format {
        case .json:
            var json: [String: JSONValue] = [
                "type": .string(event.type.rawValue), "packet_id": .string(event.packetID.lowercasedString),
                "data": .object(event.data), "timestamp": .string(RFC3339.format(event.timestamp)),
            ]
            if let id = event.id { json["id"] = .string(id) }
            output.write(JSONValue.object(json).serializedString(sortedKeys: true))
        case .table:
            let type = event.type.rawValue.padding(toLength: 21, withPad: " ", startingAt: 0)
            let status = event.status?.rawValue ?? ""
            var line = CellText.date(event.timestamp) + "  " + output.style.apply(.bold, to: type) + "  "
                + event.packetID.lowercasedString + "  "
                + (TextStyle.attribute(forStatus: status).map { output.style.apply($0, to: status) } ?? status)
            if let summary = event.data["summary"]?.stringValue { line += "  " + summary }
            output.write(line)
        }
    }
}
