import Foundation

/// A target's `handoffrail-codegen.json`: which outputs it holds.
///
/// ```json
/// { "generate": ["models", "validators", "operations"] }
/// ```
package struct CodegenConfiguration: Codable, Sendable, Hashable {
    package var generate: [GeneratorMode]

    package init(generate: [GeneratorMode]) { self.generate = generate }

    /// The file name the plugin looks for in a target's directory.
    package static let fileName = "handoffrail-codegen.json"

    /// Reads a configuration file, with a message that says how to fix it.
    package static func load(from url: URL) throws -> CodegenConfiguration {
        let data = try Data(contentsOf: url)
        do {
            return try JSONDecoder().decode(CodegenConfiguration.self, from: data)
        } catch {
            let modes = GeneratorMode.allCases.map(\.rawValue).joined(separator: ", ")
            throw ConfigurationError(message: "\(url.path) must look like {\"generate\": [\"models\"]} with modes from: \(modes) (\(error))")
        }
    }
}

/// A malformed target configuration.
package struct ConfigurationError: Error, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}
