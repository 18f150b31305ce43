/// The Model Context Protocol server of HandoffRail: `handoffrail mcp` serves the tools
/// generated from the spec over stdio, executing each call against a HandoffRail server with
/// the agent identity it was started with.
public enum HandoffRailMCP {
    /// The server name announced in the MCP `initialize` result.
    public static let serverName = "handoffrail"
}
