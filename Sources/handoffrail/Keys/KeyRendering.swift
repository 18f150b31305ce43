import HandoffRailModels

/// Tables for API keys. The plain key exists only in create/rotate answers and is shown once.
enum KeyRendering {
    static func keys(_ keys: [ApiKey], output: OutputPrinter) -> String {
        var table = Table(columns: ["ID", "PREFIX", "ROLE", "TENANT", "REVOKED", "CREATED", "NAME"])
        for key in keys {
            table.append(cells: [
                Table.Cell(key.id.lowercasedString), Table.Cell(key.keyPrefix), Table.Cell(key.role.rawValue),
                Table.Cell(key.tenantId), Table.Cell(key.revoked ? "yes" : "no", key.revoked ? .red : nil),
                Table.Cell(CellText.date(key.createdAt)), Table.Cell(key.name),
            ])
        }
        return output.render(table)
    }

    /// A created key: its row, then the plain key with a reminder that it is shown once.
    /// `--quiet` prints the plain key alone (`KEY=$(handoffrail keys create … -q)`).
    static func emitCreated(_ key: ApiKeyCreated, output: OutputPrinter) throws {
        if output.quiet {
            output.write(key.key)
            return
        }
        try output.emit(key, ids: [key.id]) {
            let row = ApiKey(id: key.id, name: key.name, keyPrefix: key.keyPrefix, tenantId: key.tenantId,
                             role: key.role, revoked: key.revoked, createdAt: key.createdAt)
            return keys([row], output: output) + "\n\nAPI key (shown only this once; store it now):\n\n    \(key.key)\n"
        }
    }
}
