import GRDB

/// The database schema, as an ordered list of GRDB migrations owned by the store.
///
/// Conventions: dates are INTEGER microseconds since 1970 (the service truncates its clock to
/// whole microseconds, so they round-trip exactly); UUIDs are lowercase TEXT; JSON is TEXT.
/// Tables whose rows are referenced by position (`packets` by the full-text index, the logs by
/// their order) have an explicit `seq INTEGER PRIMARY KEY`, which `VACUUM` never renumbers.
///
/// A new schema version is a new `registerMigration` appended at the end; shipped migrations
/// are never edited.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: tenants, keys, packets, logs, webhooks, schemas", migrate: createVersion1)
        migrator.registerMigration("v2-events: outbox by tenant for Last-Event-ID replay") { db in
            try db.execute(sql: "CREATE INDEX outbox_tenant_seq ON outbox(tenant_id, seq)")
        }
        migrator.registerMigration("v3-background: delivery leases, expiry and pruning indexes") { db in
            try db.execute(sql: backgroundWork)
        }
        migrator.registerMigration("v4: fewer indexes on the write path") { db in
            try db.execute(sql: fewerWriteIndexes)
        }
        migrator.registerMigration("v5: handoff rules") { db in
            try db.execute(sql: handoffRules)
        }
        return migrator
    }

    private static func createVersion1(_ db: Database) throws {
        try db.execute(sql: tenantsAndKeys)
        try db.execute(sql: packets)
        try db.execute(sql: logs)
        try db.execute(sql: webhooks)
        try db.execute(sql: registryAndIdempotency)
    }

    private static let tenantsAndKeys = """
        CREATE TABLE tenants (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            tier TEXT NOT NULL,
            handoffs_per_day INTEGER,
            max_api_keys INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            deleted_at INTEGER
        );
        -- Names are unique among live tenants; a deleted tenant frees its name.
        CREATE UNIQUE INDEX tenants_live_name ON tenants(name) WHERE deleted_at IS NULL;
        CREATE INDEX tenants_live_created ON tenants(created_at, id) WHERE deleted_at IS NULL;

        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY NOT NULL,
            tenant_id TEXT NOT NULL REFERENCES tenants(id),
            name TEXT NOT NULL,
            key_prefix TEXT NOT NULL,
            key_hash TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL,
            revoked INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            revoked_at INTEGER
        );
        CREATE INDEX api_keys_tenant ON api_keys(tenant_id, revoked, created_at);
        """

    private static let packets = """
        CREATE TABLE packets (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            tenant_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            status TEXT NOT NULL,
            source_agent_id TEXT NOT NULL,
            source_agent_name TEXT NOT NULL,
            target_agent_id TEXT NOT NULL,
            target_agent_name TEXT NOT NULL,
            priority TEXT NOT NULL,
            hitl_required INTEGER NOT NULL,
            parent_packet_id TEXT,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            claimed_at INTEGER,
            completed_at INTEGER,
            document TEXT NOT NULL
        );
        CREATE INDEX packets_tenant_created ON packets(tenant_id, created_at DESC, id DESC);
        CREATE INDEX packets_tenant_status ON packets(tenant_id, status, created_at DESC, id DESC);
        CREATE INDEX packets_tenant_source ON packets(tenant_id, source_agent_id, created_at DESC, id DESC);
        CREATE INDEX packets_tenant_target ON packets(tenant_id, target_agent_id, created_at DESC, id DESC);
        CREATE INDEX packets_tenant_priority ON packets(tenant_id, priority, created_at DESC, id DESC);
        CREATE INDEX packets_tenant_hitl ON packets(tenant_id, hitl_required, created_at DESC, id DESC);
        CREATE INDEX packets_updated ON packets(updated_at);

        -- One row per distinct tag, for the "all of these tags" filter.
        CREATE TABLE packet_tags (
            packet_seq INTEGER NOT NULL REFERENCES packets(seq) ON DELETE CASCADE,
            tenant_id TEXT NOT NULL,
            tag TEXT NOT NULL,
            PRIMARY KEY (packet_seq, tag)
        ) WITHOUT ROWID;
        CREATE INDEX packet_tags_tenant_tag ON packet_tags(tenant_id, tag, packet_seq);

        -- rowid = packets.seq. The summary is its own column so bm25 can weigh it higher.
        CREATE VIRTUAL TABLE packet_search USING fts5(summary, body, tokenize = 'porter unicode61');
        """

    private static let logs = """
        CREATE TABLE packet_history (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            packet_id TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            actor TEXT NOT NULL,
            details TEXT,
            timestamp INTEGER NOT NULL
        );
        CREATE INDEX packet_history_packet ON packet_history(packet_id, seq);

        CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            tenant_id TEXT NOT NULL,
            packet_id TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            resource TEXT NOT NULL,
            details TEXT NOT NULL,
            timestamp INTEGER NOT NULL
        );
        CREATE INDEX audit_log_tenant ON audit_log(tenant_id, seq DESC);
        CREATE INDEX audit_log_tenant_packet ON audit_log(tenant_id, packet_id, seq DESC);
        CREATE INDEX audit_log_tenant_action ON audit_log(tenant_id, action, seq DESC);
        CREATE INDEX audit_log_tenant_actor ON audit_log(tenant_id, actor, seq DESC);

        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            tenant_id TEXT NOT NULL,
            event TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        """

    private static let webhooks = """
        CREATE TABLE webhooks (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            tenant_id TEXT NOT NULL,
            url TEXT NOT NULL,
            events TEXT NOT NULL,
            secret TEXT NOT NULL,
            active INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX webhooks_tenant ON webhooks(tenant_id, active, created_at);

        CREATE TABLE webhook_deliveries (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            webhook_id TEXT NOT NULL REFERENCES webhooks(id),
            tenant_id TEXT NOT NULL,
            event_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            packet_id TEXT,
            payload TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            response_status INTEGER,
            error TEXT,
            latency_ms REAL,
            next_retry_at INTEGER,
            delivered_at INTEGER,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX webhook_deliveries_hook ON webhook_deliveries(webhook_id, created_at DESC, seq DESC);
        CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_retry_at);
        CREATE INDEX webhook_deliveries_tenant_status ON webhook_deliveries(tenant_id, status, created_at DESC);
        CREATE INDEX webhook_deliveries_created ON webhook_deliveries(created_at);
        """

    private static let registryAndIdempotency = """
        CREATE TABLE schemas (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            tenant_id TEXT NOT NULL,
            name TEXT NOT NULL,
            version INTEGER NOT NULL,
            json_schema TEXT NOT NULL,
            created_at INTEGER NOT NULL
        );
        CREATE INDEX schemas_tenant ON schemas(tenant_id, created_at, seq);

        CREATE TABLE idempotency_keys (
            tenant_id TEXT NOT NULL,
            key TEXT NOT NULL,
            request_hash TEXT NOT NULL,
            status_code INTEGER NOT NULL,
            response_body BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (tenant_id, key)
        ) WITHOUT ROWID;
        """
}
