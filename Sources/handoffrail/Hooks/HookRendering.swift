import HandoffRailModels

/// Tables for webhooks and delivery attempts.
enum HookRendering {
    static func hooks(_ hooks: [Webhook], output: OutputPrinter) -> String {
        var table = Table(columns: ["ID", "ACTIVE", "CREATED", "EVENTS", "URL"])
        for hook in hooks {
            table.append(cells: [
                Table.Cell(hook.id.lowercasedString),
                Table.Cell(hook.active ? "yes" : "no", hook.active ? .green : .dim),
                Table.Cell(CellText.date(hook.createdAt)),
                Table.Cell(hook.events.map(\.rawValue).joined(separator: ",")),
                Table.Cell(hook.url),
            ])
        }
        return output.render(table)
    }

    static func deliveries(_ deliveries: [WebhookDelivery], output: OutputPrinter) -> String {
        var table = Table(columns: ["ID", "STATUS", "EVENT", "ATTEMPTS", "HTTP", "CREATED", "NEXT RETRY", "ERROR"])
        for delivery in deliveries {
            table.append(cells: [
                Table.Cell(delivery.id.lowercasedString),
                Table.Cell(delivery.status.rawValue, TextStyle.attribute(forStatus: delivery.status.rawValue)),
                Table.Cell(delivery.eventType.rawValue),
                Table.Cell(String(delivery.attempts)),
                Table.Cell(delivery.responseStatus.map(String.init) ?? ""),
                Table.Cell(CellText.date(delivery.createdAt)),
                Table.Cell(CellText.date(delivery.nextRetryAt)),
                Table.Cell(delivery.error ?? ""),
            ])
        }
        return output.render(table)
    }
}
