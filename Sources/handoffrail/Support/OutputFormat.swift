import ArgumentParser

/// How results are printed: aligned tables for people, JSON for scripts.
enum OutputFormat: String, CaseIterable, Sendable, ExpressibleByArgument {
    /// Aligned columns (a key/value list for one resource); colour on a terminal.
    case table
    /// The server's JSON, indented, members sorted; never coloured.
    case json
}
