/// One page of a list query: the rows, the number of rows matching the filters (ignoring
/// `limit`, `offset` and cursor) and, for keyset-paginated lists, the cursor of the next page.
public struct Page<Row: Sendable>: Sendable {
    public var rows: [Row]
    public var total: Int
    /// The position after the last row, when more rows may follow.
    public var next: PacketCursor?

    public init(rows: [Row], total: Int, next: PacketCursor? = nil) {
        self.rows = rows
        self.total = total
        self.next = next
    }
}
