import Foundation
import Subprocess
import Testing
@testable import HandoffRailCodegen

/// Golden output is not only compared but compiled: the models-side goldens (models,
/// validators, operations) are type-checked with `swiftc` together with the real models
/// runtime, as the generated code of any spec must compile.
@Suite("Golden files compile")
struct GoldenCompilationTests {
    static let compilableModes: Set<GeneratorMode> = [.models, .validators, .operations]

    static let features = GoldenTests.features.filter { feature in
        let modes = (try? String(contentsOf: PackageRoot.goldens.appendingPathComponent(feature).appendingPathComponent("modes.txt"), encoding: .utf8))?
            .split(separator: "\n").compactMap { GeneratorMode(rawValue: String($0)) } ?? []
        return !modes.isEmpty && Set(modes).isSubset(of: compilableModes)
    }

    @Test("there are models-side goldens to compile")
    func featuresExist() {
        #expect(Self.features.count >= 5)
    }

    @Test("the golden Swift type-checks with the models runtime", arguments: features)
    func typeChecks(feature: String) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("golden-compile-\(feature)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let expected = PackageRoot.goldens.appendingPathComponent(feature).appendingPathComponent("expected")
        var files = try FileManager.default.contentsOfDirectory(atPath: expected.path).map { expected.appendingPathComponent($0).path }
        let runtime = PackageRoot.url.appendingPathComponent("Sources/HandoffRailModels/Runtime")
        files += try FileManager.default.contentsOfDirectory(atPath: runtime.path).filter { $0.hasSuffix(".swift") }.map { runtime.appendingPathComponent($0).path }
        // The runtime's `APICaller` names the spec's `Role` and `Tier` enums; a golden spec
        // without them gets minimal stand-ins so the runtime compiles beside it.
        let generated = try files.filter { $0.hasPrefix(expected.path) }.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined()
        for name in ["Role", "Tier"] where !generated.contains("public enum \(name):") {
            let standIn = directory.appendingPathComponent("\(name)StandIn.swift")
            try "public enum \(name): String, Sendable, Hashable { case standIn }\n".write(to: standIn, atomically: true, encoding: .utf8)
            files.append(standIn.path)
        }
        // swift-subprocess rather than Foundation's `Process`, whose Linux `run()` can crash a
        // test process with many descriptors open (see the CLI tests' `ChildProcess`).
        let result = try await Subprocess.run(
            .name("swiftc"), arguments: Arguments(["-typecheck", "-swift-version", "6", "-module-name", "GoldenModels", "-package-name", "GoldenModels"] + files),
            output: .string(limit: 64 << 20), error: .combinedWithOutput)
        #expect(result.terminationStatus == .exited(0), "\(feature) does not compile:\n\(result.standardOutput.prefix(4000))")
    }
}
