/// A text table whose columns line up in a terminal.
///
/// Widths come from the plain text, so colouring a cell afterwards (``TextStyle``) does not
/// break the alignment. With a terminal width, the last column is shortened with `…` so rows
/// do not wrap; without one (a pipe), nothing is cut.
///
/// ```swift
/// var table = Table(columns: ["ID", "STATUS"])
/// table.append(["5f0c…", "created"])
/// print(table.render(style: style, maxWidth: terminal.width))
/// ```
struct Table: Sendable {
    /// One cell: its text and an optional colour.
    struct Cell: Sendable, ExpressibleByStringLiteral {
        var text: String
        var attribute: TextStyle.Attribute?

        init(_ text: String, _ attribute: TextStyle.Attribute? = nil) {
            self.text = text.replacingOccurrences(of: "\n", with: " ")
            self.attribute = attribute
        }

        init(stringLiteral value: String) { self.init(value) }
    }

    /// Column headings.
    var columns: [String]
    /// Rows of cells, each as many as there are columns.
    private(set) var rows: [[Cell]] = []

    init(columns: [String]) {
        self.columns = columns
    }

    /// Adds a row of plain cells.
    mutating func append(_ row: [String]) {
        rows.append(row.map { Cell($0) })
    }

    /// Adds a row of cells.
    mutating func append(cells row: [Cell]) {
        rows.append(row)
    }

    /// The table as lines joined by newlines (no trailing newline): a bold header, then rows,
    /// columns separated by two spaces, trailing spaces trimmed.
    func render(style: TextStyle, maxWidth: Int?) -> String {
        var widths = columns.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.text.count)
            }
        }
        if let maxWidth, let last = widths.indices.last {
            let fixed = widths.dropLast().reduce(0, +) + 2 * (widths.count - 1)
            widths[last] = max(min(widths[last], maxWidth - fixed), columns[last].count)
        }
        let header = line(columns.map { Cell($0, .bold) }, widths: widths, style: style)
        return ([header] + rows.map { line($0, widths: widths, style: style) }).joined(separator: "\n")
    }

    private func line(_ cells: [Cell], widths: [Int], style: TextStyle) -> String {
        var parts: [String] = []
        for (index, width) in widths.enumerated() {
            let cell = index < cells.count ? cells[index] : Cell("")
            var text = cell.text
            if text.count > width { text = String(text.prefix(max(width - 1, 0))) + "…" }
            let isLast = index == widths.count - 1
            let padding = isLast ? "" : String(repeating: " ", count: width - text.count)
            let styled = cell.attribute.map { style.apply($0, to: text) } ?? text
            parts.append(styled + padding)
        }
        var result = parts.joined(separator: "  ")
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
