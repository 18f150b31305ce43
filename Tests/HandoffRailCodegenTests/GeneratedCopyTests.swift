import Foundation
import Testing
@testable import HandoffRailCodegen

/// `Generated/` is the committed copy of what the plugin generates; it must be current.
@Suite("Committed Generated/ copy")
struct GeneratedCopyTests {
    @Test("Generated/ matches a fresh generation of spec/handoffrail.yaml")
    func generatedIsCurrent() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("handoffrail-generated-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        _ = try CommittedCopy.regenerate(packageRoot: PackageRoot.url, into: temporary)
        let committed = PackageRoot.url.appendingPathComponent("Generated")
        let targets = try CommittedCopy.configuredTargets(packageRoot: PackageRoot.url).map(\.0)
        #expect(targets == ["HandoffRailAgents", "HandoffRailClient", "HandoffRailModels", "HandoffRailServer"])
        for target in targets {
            let fresh = try FileManager.default.contentsOfDirectory(atPath: temporary.appendingPathComponent(target).path).sorted()
            let stored = (try? FileManager.default.contentsOfDirectory(atPath: committed.appendingPathComponent(target).path).sorted()) ?? []
            #expect(fresh == stored, "Generated/\(target) holds \(stored), expected \(fresh); run: swift run handoffrail-codegen generate-committed")
            for file in fresh {
                let expected = try String(contentsOf: temporary.appendingPathComponent(target).appendingPathComponent(file), encoding: .utf8)
                let actual = (try? String(contentsOf: committed.appendingPathComponent(target).appendingPathComponent(file), encoding: .utf8)) ?? ""
                #expect(actual == expected, "Generated/\(target)/\(file) is stale; run: swift run handoffrail-codegen generate-committed\n\(lineDiff(expected: expected, actual: actual))")
            }
        }
    }

    @Test("writing identical output touches no file")
    func writesOnlyChangedFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("handoffrail-writer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let files = [GeneratorPipeline.RenderedFile(name: "A.swift", contents: "let a = 1\n")]
        #expect(try GeneratedFileWriter().write(files, to: directory) == ["A.swift"])
        #expect(try GeneratedFileWriter().write(files, to: directory) == [])
        let changed = [GeneratorPipeline.RenderedFile(name: "A.swift", contents: "let a = 2\n")]
        #expect(try GeneratedFileWriter().write(changed, to: directory) == ["A.swift"])
    }
}
