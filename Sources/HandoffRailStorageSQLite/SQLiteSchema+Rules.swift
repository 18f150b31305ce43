extension SQLiteSchema {
    /// Migration v5: tenant-scoped handoff rules. Names are unique per tenant; the list is
    /// always read whole, in evaluation order, by one index range scan.
    static let handoffRules = """
        CREATE TABLE handoff_rules (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            tenant_id TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT,
            enabled INTEGER NOT NULL,
            position INTEGER NOT NULL,
            match TEXT NOT NULL,
            condition TEXT,
            action TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX handoff_rules_tenant_name ON handoff_rules(tenant_id, name);
        CREATE INDEX handoff_rules_tenant_order ON handoff_rules(tenant_id, position, created_at, id);
        """
}
