import Testing
@testable import HandoffRailCodegen

@Suite("Spec compatibility: report and pointers")
struct SpecChangeReportTests {

    @Test("The report lists breaking changes first, then the others, then a summary")
    func rendering() {
        let report = SpecChangeReport(changes: [
            SpecChange(severity: .nonBreaking, location: "#/paths/~1b", message: "path /b was added"),
            SpecChange(severity: .breaking, location: "#/paths/~1c/get", message: "operation GET /c was removed; clients calling it will fail"),
            SpecChange(severity: .breaking, location: "#/paths/~1a/get", message: "operation GET /a was removed; clients calling it will fail"),
        ])
        #expect(report.hasBreakingChanges)
        #expect(report.summary == "2 breaking, 1 non-breaking")
        #expect(report.description == """
            Breaking changes (2):
              - #/paths/~1a/get: operation GET /a was removed; clients calling it will fail
              - #/paths/~1c/get: operation GET /c was removed; clients calling it will fail

            Non-breaking changes (1):
              - #/paths/~1b: path /b was added

            2 breaking, 1 non-breaking

            """)
    }

    @Test("An empty report says so and has no breaking changes")
    func emptyReport() {
        let report = SpecChangeReport(changes: [])
        #expect(!report.hasBreakingChanges)
        #expect(report.description == "No changes.\n\n0 breaking, 0 non-breaking\n")
    }

    @Test("A report of compatible edits only has no breaking changes")
    func nonBreakingReport() throws {
        let report = SpecChangeReport(changes: try SpecCompatibilityFixture.changes(named: "added-path"))
        #expect(!report.hasBreakingChanges)
        #expect(report.summary == "0 breaking, 1 non-breaking")
    }

    @Test("A change renders as one line with its severity")
    func changeDescription() {
        let change = SpecChange(severity: .nonBreaking, location: "#/paths/~1a", message: "path /a was added")
        #expect(change.description == "[non-breaking] #/paths/~1a: path /a was added")
    }

    @Test(
        "Pointer tokens escape '~' and '/'",
        arguments: [
            ("/api/v1/packets", "#/paths/~1api~1v1~1packets"),
            ("/a~b/{id}", "#/paths/~1a~0b~1{id}"),
            ("plain", "#/paths/plain"),
        ]
    )
    func pointerEscaping(token: String, expected: String) {
        #expect(SpecPointer.root.appending("paths", token).description == expected)
    }
}
