// swift-tools-version: 6.1
import PackageDescription

// HandoffRail for Swift. `spec/handoffrail.yaml` is the single source of truth: the
// `HandoffRailCodegenPlugin` build plugin runs `handoffrail-codegen` on it for every target
// that carries a `handoffrail-codegen.json` file. Dependency direction (ARCHITECTURE.md):
// Models ← Client; Models ← Service; Models ← Server (the only Hummingbird importer);
// Models + Client ← Agents; the generator imports nothing of the runtime side.

let package = Package(
    name: "HandoffRail",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "HandoffRailClient", targets: ["HandoffRailClient"]),
        .library(name: "HandoffRailModels", targets: ["HandoffRailModels"]),
        .library(name: "HandoffRailServer", targets: ["HandoffRailServer"]),
        .library(name: "HandoffRailService", targets: ["HandoffRailService"]),
        .library(name: "HandoffRailAgents", targets: ["HandoffRailAgents"]),
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
        .target(
            name: "HandoffRailService",
            dependencies: ["HandoffRailModels"]
        ),
        .target(
            name: "HandoffRailServer",
            dependencies: [
                "HandoffRailModels",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
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
        .executableTarget(
            name: "handoffrail",
            dependencies: [
                "HandoffRailServer",
                "HandoffRailService",
                "HandoffRailClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: Tests
        .testTarget(
            name: "HandoffRailCodegenTests",
            dependencies: ["HandoffRailCodegen"],
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
            dependencies: ["HandoffRailClient", "HandoffRailModels"],
            resources: [.copy("packet.json")]
        ),
        .testTarget(
            name: "HandoffRailServerTests",
            dependencies: [
                "HandoffRailServer",
                "HandoffRailModels",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "HandoffRailServiceTests",
            dependencies: ["HandoffRailService", "HandoffRailModels"]
        ),
        .testTarget(
            name: "HandoffRailAgentsTests",
            dependencies: ["HandoffRailAgents", "HandoffRailModels"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
