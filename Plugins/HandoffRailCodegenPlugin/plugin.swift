import Foundation
import PackagePlugin

/// Runs `handoffrail-codegen` for a target that carries a `handoffrail-codegen.json`.
///
/// A thin shell: it finds the spec (`spec/handoffrail.yaml` at the package root) and the
/// target's configuration, declares the fixed output files of the configured modes, and
/// lets the executable do the work. Editing the spec or the configuration re-runs it.
@main
struct HandoffRailCodegenPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let sourceTarget = target as? SourceModuleTarget else {
            throw PluginError.incompatibleTarget(target.name)
        }
        let configURL = sourceTarget.directoryURL.appending(path: "handoffrail-codegen.json")
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            throw PluginError.missingConfiguration(target: target.name, expected: configURL.path)
        }
        let specURL = context.package.directoryURL.appending(path: "spec/handoffrail.yaml")
        guard FileManager.default.fileExists(atPath: specURL.path) else {
            throw PluginError.missingSpec(expected: specURL.path)
        }
        let modes = try Self.modes(in: configURL, target: target.name)
        let outputDirectory = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        let outputs = modes.flatMap { Self.outputFiles[$0] ?? [] }.map { outputDirectory.appending(path: $0) }
        return [
            .buildCommand(
                displayName: "Generating \(modes.joined(separator: ", ")) for \(target.name) from spec/handoffrail.yaml",
                executable: try context.tool(named: "handoffrail-codegen").url,
                arguments: [
                    "generate", "--spec", specURL.path, "--config", configURL.path,
                    "--output-directory", outputDirectory.path, "--quiet",
                ],
                inputFiles: [specURL, configURL],
                outputFiles: outputs)
        ]
    }

    /// Mirrors `GeneratorMode.outputFiles` (a plugin cannot import the generator library).
    static let outputFiles: [String: [String]] = [
        "models": ["Types.swift"],
        "validators": ["Validators.swift"],
        "operations": ["Operations.swift", "APIProtocol.swift"],
        "server": ["Routes.swift"],
        "client": ["Client.swift"],
        "tools": ["Tools.swift"],
    ]

    static func modes(in configURL: URL, target: String) throws -> [String] {
        struct Configuration: Decodable { var generate: [String] }
        guard let data = try? Data(contentsOf: configURL),
              let configuration = try? JSONDecoder().decode(Configuration.self, from: data)
        else {
            throw PluginError.invalidConfiguration(target: target, path: configURL.path)
        }
        let unknown = configuration.generate.filter { outputFiles[$0] == nil }
        guard unknown.isEmpty, !configuration.generate.isEmpty else {
            throw PluginError.invalidConfiguration(target: target, path: configURL.path)
        }
        return configuration.generate
    }
}

/// Plugin failures, each saying how to fix it.
enum PluginError: Error, CustomStringConvertible {
    case incompatibleTarget(String)
    case missingConfiguration(target: String, expected: String)
    case missingSpec(expected: String)
    case invalidConfiguration(target: String, path: String)

    var description: String {
        switch self {
        case .incompatibleTarget(let name):
            return "HandoffRailCodegenPlugin applies to Swift source targets only; remove it from '\(name)'."
        case .missingConfiguration(let target, let expected):
            return "Target '\(target)' uses HandoffRailCodegenPlugin but has no configuration: create \(expected) containing {\"generate\": [\"models\"]} (modes: \(HandoffRailCodegenPlugin.outputFiles.keys.sorted().joined(separator: ", ")))."
        case .missingSpec(let expected):
            return "HandoffRailCodegenPlugin found no spec at \(expected); the package's OpenAPI spec must live at spec/handoffrail.yaml."
        case .invalidConfiguration(let target, let path):
            return "The configuration of '\(target)' at \(path) must be JSON like {\"generate\": [\"models\", \"validators\"]} with modes from: \(HandoffRailCodegenPlugin.outputFiles.keys.sorted().joined(separator: ", "))."
        }
    }
}
