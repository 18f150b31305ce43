// swift-tools-version: 6.1
import PackageDescription

// HandoffRail for Swift. `spec/handoffrail.yaml` is the single source of truth: the
// `HandoffRailCodegenPlugin` build plugin runs `handoffrail-codegen` on it for every target
// that carries a `handoffrail-codegen.json` file. Dependency direction (ARCHITECTURE.md):
// Models ← Client; Models ← Service; Models ← Server (the only Hummingbird importer);
// Models + Client ← Agents ← MCP (the `handoffrail mcp` server); Models + Crypto ← Webhooks (signing and verification, shared by
// the server's dispatcher and webhook receivers); the generator imports nothing of the runtime side.

let package = Package(
    name: "HandoffRail",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "HandoffRailClient", targets: ["HandoffRailClient"]),
        .library(name: "HandoffRailModels", targets: ["HandoffRailModels"]),
        .library(name: "HandoffRailServer", targets: ["HandoffRailServer"]),
        .library(name: "HandoffRailService", targets: ["HandoffRailService"]),
        .library(name: "HandoffRailAgents", targets: ["HandoffRailAgents"]),
        .library(name: "HandoffRailMCP", targets: ["HandoffRailMCP"]),
        .library(name: "HandoffRailWebhooks", targets: ["HandoffRailWebhooks"]),
        .library(name: "HandoffRailClientWebSocket", targets: ["HandoffRailClientWebSocket"]),
        .executable(name: "handoffrail", targets: ["handoffrail"]),
        .executable(name: "handoffrail-codegen", targets: ["handoffrail-codegen"]),
        .plugin(name: "HandoffRailCodegenPlugin", targets: ["HandoffRailCodegenPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/modelcontextprotocol/swift-sdk", from: "0.12.1"),
        // Tests only: starts child processes without Foundation's `Process`, whose Linux
        // `run()` over-reads `/proc/self/fd` entries and crashed a test run that had ~1,400
        // descriptors open.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // MARK: Generator
        .target(
            name: "HandoffRailCodegen",
            dependencies: [
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "handoffrail-codegen",
            dependencies: [
                "HandoffRailCodegen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .plugin(
            name: "HandoffRailCodegenPlugin",
            capability: .buildTool(),
            dependencies: ["handoffrail-codegen"]
        ),

        // MARK: Runtime
        .target(
            name: "HandoffRailModels",
            exclude: ["handoffrail-codegen.json"],
            plugins: ["HandoffRailCodegenPlugin"]
        ),
        .target(
            name: "HandoffRailClient",
            dependencies: ["HandoffRailModels"],
            exclude: ["handoffrail-codegen.json"],
            plugins: ["HandoffRailCodegenPlugin"]
        ),
        // The WebSocket event client lives apart from HandoffRailClient because it needs
        // SwiftNIO (HummingbirdWSClient): FoundationNetworking's URLSessionWebSocketTask fails on
        // Linux (libcurl built without WebSockets), and the main SDK product stays NIO-free.
        .target(
            name: "HandoffRailClientWebSocket",
            dependencies: [
                "HandoffRailClient",
                "HandoffRailModels",
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .target(
            name: "HandoffRailWebhooks",
            dependencies: [
                "HandoffRailModels",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "HandoffRailStorage",
            dependencies: ["HandoffRailModels"]
        ),
        .target(
            name: "HandoffRailStorageSQLite",
            dependencies: [
                "HandoffRailStorage",
                "HandoffRailModels",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .target(
            name: "HandoffRailService",
            dependencies: [
                "HandoffRailModels",
                "HandoffRailStorage",
                "HandoffRailWebhooks",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        .target(
            name: "HandoffRailServer",
            dependencies: [
                "HandoffRailModels",
                "HandoffRailService",
                "HandoffRailClient",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["handoffrail-codegen.json"],
            plugins: ["HandoffRailCodegenPlugin"]
        ),
        .target(
            name: "HandoffRailAgents",
            dependencies: ["HandoffRailModels", "HandoffRailClient"],
            exclude: ["handoffrail-codegen.json"],
            plugins: ["HandoffRailCodegenPlugin"]
        ),
        // The Model Context Protocol server (`handoffrail mcp`): the generated tools over stdio.
        .target(
            name: "HandoffRailMCP",
            dependencies: [
                "HandoffRailAgents",
                "HandoffRailClient",
                "HandoffRailModels",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "handoffrail",
            dependencies: [
                "HandoffRailServer",
                "HandoffRailAgents",
                "HandoffRailMCP",
                "HandoffRailService",
                "HandoffRailStorageSQLite",
                "HandoffRailClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // MARK: Tests
        // Helpers shared by several test targets (a regular target, so test targets can depend
        // on it; no product exports it).
        .target(
            name: "HandoffRailTestSupport",
            dependencies: [
                "HandoffRailClient",
                "HandoffRailModels",
                "HandoffRailServer",
                "HandoffRailService",
                "HandoffRailStorageSQLite",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/HandoffRailTestSupport"
        ),
        .testTarget(
            name: "HandoffRailCodegenTests",
            dependencies: ["HandoffRailCodegen", .product(name: "Subprocess", package: "swift-subprocess"),
                           .product(name: "SystemPackage", package: "swift-system")],
            exclude: ["Goldens"],
            resources: [.copy("Compatibility/Fixtures")]
        ),
        .testTarget(
            name: "HandoffRailModelsTests",
            dependencies: ["HandoffRailModels"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "HandoffRailClientTests",
            dependencies: [
                "HandoffRailClient",
                "HandoffRailModels",
                "HandoffRailServer",
                "HandoffRailService",
                "HandoffRailStorageSQLite",
                "HandoffRailClientWebSocket",
                "HandoffRailTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("packet.json")]
        ),
        .testTarget(
            name: "HandoffRailServerTests",
            dependencies: [
                "HandoffRailServer",
                "HandoffRailModels",
                "HandoffRailService",
                "HandoffRailStorage",
                "HandoffRailStorageSQLite",
                "HandoffRailTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "HandoffRailServiceTests",
            dependencies: [
                "HandoffRailService", "HandoffRailModels", "HandoffRailStorage", "HandoffRailStorageSQLite",
                .product(name: "MetricsTestKit", package: "swift-metrics"),
            ]
        ),
        .testTarget(
            name: "HandoffRailStorageTests",
            dependencies: [
                "HandoffRailStorage",
                "HandoffRailStorageSQLite",
                "HandoffRailModels",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "HandoffRailWebhooksTests",
            dependencies: ["HandoffRailWebhooks", "HandoffRailModels"]
        ),
        .testTarget(
            name: "HandoffRailCLITests",
            dependencies: [
                "handoffrail",
                "HandoffRailModels",
                "HandoffRailWebhooks",
                "HandoffRailTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(
            name: "HandoffRailAgentsTests",
            dependencies: [
                "HandoffRailAgents",
                "HandoffRailModels",
                "HandoffRailClient",
                "HandoffRailServer",
                "HandoffRailService",
                "HandoffRailStorageSQLite",
                "HandoffRailTestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "HandoffRailMCPTests",
            dependencies: [
                "HandoffRailMCP",
                "HandoffRailAgents",
                "HandoffRailClient",
                "HandoffRailModels",
                "HandoffRailTestSupport",
                .product(name: "MCP", package: "swift-sdk"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
