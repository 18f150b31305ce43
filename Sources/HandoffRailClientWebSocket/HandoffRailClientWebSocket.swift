// The WebSocket event client of the HandoffRail SDK: `client.webSocketEvents(subscribe:)`.
//
// A separate product because it runs on SwiftNIO (HummingbirdWSClient): FoundationNetworking's
// `URLSessionWebSocketTask` fails on Linux (libcurl without WebSockets), and the main
// `HandoffRailClient` product stays NIO-free. Importing this module imports the SDK too.
@_exported import HandoffRailClient
