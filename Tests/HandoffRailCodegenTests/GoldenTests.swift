import Foundation
import Testing
@testable import HandoffRailCodegen

/// Golden files: each folder under `Goldens/` holds a YAML spec snippet, the modes to run
/// (`modes.txt`) and the Swift the generator must produce (`expected/`).
@Suite("Golden files")
struct GoldenTests {
    static let features = (try? FileManager.default.contentsOfDirectory(atPath: PackageRoot.goldens.path).sorted()) ?? []

    @Test("there are golden features to check")
    func featuresExist() {
        #expect(Self.features.count >= 6)
    }

    @Test("generated Swift matches the golden file", arguments: features)
    func matchesGolden(feature: String) throws {
        let folder = PackageRoot.goldens.appendingPathComponent(feature)
        let spec = try String(contentsOf: folder.appendingPathComponent("spec.yaml"), encoding: .utf8)
        let modes = try String(contentsOf: folder.appendingPathComponent("modes.txt"), encoding: .utf8)
            .split(separator: "\n").compactMap { GeneratorMode(rawValue: String($0)) }
        #expect(!modes.isEmpty)
        let result = try GeneratorPipeline().run(specText: spec, sourceName: "\(feature)/spec.yaml", modes: modes)
        let expectedFolder = folder.appendingPathComponent("expected")
        for file in result.files {
            let url = expectedFolder.appendingPathComponent(file.name)
            if PackageRoot.isRecording {
                try FileManager.default.createDirectory(at: expectedFolder, withIntermediateDirectories: true)
                try file.contents.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("recorded \(feature)/expected/\(file.name); unset HANDOFFRAIL_RECORD_GOLDENS and run again")
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(file.contents == expected, "\(feature)/\(file.name): \(lineDiff(expected: expected, actual: file.contents))")
        }
    }
}
