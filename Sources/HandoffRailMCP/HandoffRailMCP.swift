import HandoffRailClient

/// The Model Context Protocol server of HandoffRail: `handoffrail mcp` serves the tools
/// generated from the spec over stdio, executing each call against a HandoffRail server with
/// the agent identity it was started with. See ``HandoffRailMCPServer``.
public enum HandoffRailMCP {
    /// The server name announced in the MCP `initialize` result.
    public static let serverName = "handoffrail"
    /// The human-readable title announced in the `initialize` result.
    public static let serverTitle = "HandoffRail"
    /// The version announced in the `initialize` result: the SDK's version.
    public static let serverVersion = HandoffRailClientConfiguration.sdkVersion
    /// The `User-Agent` of the server's API calls.
    public static let userAgent = "handoffrail-mcp/\(serverVersion)"
}
