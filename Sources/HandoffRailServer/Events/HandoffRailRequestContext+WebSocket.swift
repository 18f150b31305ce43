import HummingbirdWebSocket

/// Lets `/ws` upgrade through the same router, so the upgrade request passes the whole
/// middleware chain (authentication, role, rate limits) before a WebSocket exists.
extension HandoffRailRequestContext: WebSocketRequestContext {}
