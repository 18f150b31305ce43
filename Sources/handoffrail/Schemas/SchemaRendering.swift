import HandoffRailModels

/// Tables for registered schemas.
enum SchemaRendering {
    static func schemas(_ schemas: [RegisteredSchema], output: OutputPrinter) -> String {
        var table = Table(columns: ["ID", "NAME", "VERSION", "CREATED", "SCHEMA"])
        for schema in schemas {
            table.append([
                schema.id.lowercasedString, schema.name, String(schema.version), CellText.date(schema.createdAt),
                CellText.json(.object(schema.jsonSchema)),
            ])
        }
        return output.render(table)
    }
}
