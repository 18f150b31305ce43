extension SQLiteSchema {
    /// Migration v3, for the webhook dispatcher and the expiry sweeper.
    ///
    /// - `webhook_deliveries.lease_token`: the dispatcher holding a delivery; an outcome is
    ///   recorded only under it (``SQLiteStore/recordDeliveryAttempt(_:deliveryID:lease:)``).
    /// - partial indexes over non-terminal packets by age (all tenants; one tenant) for TTL
    ///   expiry, and over `awaiting_human` packets for HITL timeouts: a sweep reads only the
    ///   rows it may act on, however many completed packets the table holds. The `WHERE` of each
    ///   is repeated literally by the queries, as SQLite requires to use a partial index.
    /// - `outbox(created_at)` and `idempotency_keys(created_at)` for pruning.
    static let backgroundWork = """
        ALTER TABLE webhook_deliveries ADD COLUMN lease_token TEXT;
        CREATE INDEX packets_live_created ON packets(created_at)
            WHERE status IN ('created', 'claimed', 'in_progress', 'awaiting_human', 'failed');
        CREATE INDEX packets_tenant_live_created ON packets(tenant_id, created_at)
            WHERE status IN ('created', 'claimed', 'in_progress', 'awaiting_human', 'failed');
        CREATE INDEX packets_awaiting ON packets(created_at) WHERE status = 'awaiting_human';
        CREATE INDEX outbox_created ON outbox(created_at);
        CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at);
        """

    /// Migration v4: every index is written by every commit, and two of v3's did not pay for
    /// that (the lifecycle benchmark gained ~5-7 % without them).
    ///
    /// - `packets_tenant_live_created`: a tenant's TTL sweep reads `packets_live_created` and
    ///   filters the tenant among the live packets past the cutoff (few tenants have their own TTL).
    /// - `outbox_created`: the outbox is appended in commit order, so its oldest rows are its
    ///   lowest sequences; pruning reads them by primary key (``SQLiteStore/pruneOutbox(createdBefore:limit:)``).
    static let fewerWriteIndexes = """
        DROP INDEX packets_tenant_live_created;
        DROP INDEX outbox_created;
        """
}
