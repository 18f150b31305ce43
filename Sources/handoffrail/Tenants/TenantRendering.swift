import HandoffRailModels

/// Tables for tenants.
enum TenantRendering {
    static func tenants(_ tenants: [Tenant], output: OutputPrinter) -> String {
        var table = Table(columns: ["ID", "TIER", "HANDOFFS/DAY", "MAX KEYS", "CREATED", "DELETED", "NAME"])
        for tenant in tenants {
            table.append(cells: [
                Table.Cell(tenant.id), Table.Cell(tenant.tier.rawValue),
                Table.Cell(tenant.handoffsPerDay.map(String.init) ?? "unlimited"),
                Table.Cell(tenant.maxApiKeys.map(String.init) ?? "unlimited"),
                Table.Cell(CellText.date(tenant.createdAt)), Table.Cell(CellText.date(tenant.deletedAt), .red),
                Table.Cell(tenant.name),
            ])
        }
        return output.render(table)
    }
}
