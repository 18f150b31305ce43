/// What the generator can produce; each target asks for the modes it holds.
package enum GeneratorMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// Value types of the component schemas (`Types.swift`).
    case models
    /// The schema bundle and `validate(_:)` per type (`Validators.swift`).
    case validators
    /// Operation descriptors, inputs, outputs and the `HandoffRailAPI` protocol (`Operations.swift`, `APIProtocol.swift`).
    case operations
    /// Hummingbird route registration (`Routes.swift`).
    case server
    /// The typed client (`Client.swift`).
    case client
    /// Agent tool specs (`Tools.swift`).
    case tools

    /// The files a mode writes, fixed so the build plugin can declare its outputs up front.
    package var outputFiles: [String] {
        switch self {
        case .models: return ["Types.swift"]
        case .validators: return ["Validators.swift"]
        case .operations: return ["Operations.swift", "APIProtocol.swift"]
        case .server: return ["Routes.swift"]
        case .client: return ["Client.swift"]
        case .tools: return ["Tools.swift"]
        }
    }
}
