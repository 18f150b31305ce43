import Foundation
import Testing
@testable import HandoffRailCodegen

/// Loads the spec pairs the compatibility tests compare: YAML files under
/// `Fixtures/` (`<name>.old.yaml` and `<name>.new.yaml`), or small specs built
/// around one inline schema.
enum SpecCompatibilityFixture {

    /// The `Fixtures` folder copied into the test bundle.
    static func fixturesDirectory() throws -> URL {
        try #require(
            Bundle.module.url(forResource: "Fixtures", withExtension: nil),
            "the Fixtures folder is missing from the test bundle"
        )
    }

    /// The changes between `<name>.old.yaml` and `<name>.new.yaml`.
    static func changes(named name: String) throws -> [SpecChange] {
        let directory = try fixturesDirectory()
        let old = try String(contentsOf: directory.appendingPathComponent("\(name).old.yaml"), encoding: .utf8)
        let new = try String(contentsOf: directory.appendingPathComponent("\(name).new.yaml"), encoding: .utf8)
        return try changes(old: old, new: new)
    }

    /// The changes between two specs given as YAML text.
    static func changes(old: String, new: String) throws -> [SpecChange] {
        let oldDocument = try SpecLoader.document(text: old, sourceName: "old.yaml")
        let newDocument = try SpecLoader.document(text: new, sourceName: "new.yaml")
        return SpecCompatibilityChecker().changes(from: oldDocument, to: newDocument)
    }

    /// Where an inline schema is used.
    enum Usage: String, Sendable {
        case request, response, both
    }

    /// A spec whose component schema `Subject` is sent by `POST /subjects`
    /// (request), returned by `GET /subjects` (response), or both.
    /// - Parameters:
    ///   - subject: The schema as a one-line YAML flow mapping, such as
    ///     `{type: string, maxLength: 10}`.
    ///   - usage: Where the schema is used.
    ///   - person: The schema of a second component, `Person`, for
    ///     `Subject` to reference.
    static func spec(subject: String, usedIn usage: Usage, person: String = "{type: object}") -> String {
        let reference = "{$ref: '#/components/schemas/Subject'}"
        var operations = ""
        if usage != .response {
            operations += """
                    post:
                      operationId: createSubject
                      requestBody:
                        required: true
                        content:
                          application/json:
                            schema: \(reference)
                      responses:
                        '204': {description: Created}

                """
        }
        if usage != .request {
            operations += """
                    get:
                      operationId: getSubject
                      responses:
                        '200':
                          description: The subject
                          content:
                            application/json:
                              schema: \(reference)

                """
        }
        return """
            openapi: 3.1.0
            info: {title: Fixture, version: 1.0.0}
            paths:
              /subjects:
            \(operations)components:
              schemas:
                Subject: \(subject)
                Person: \(person)

            """
    }
}

/// One expected change: its severity, its exact location and a phrase its
/// message must contain.
struct ExpectedSpecChange: Sendable, CustomTestStringConvertible {
    var severity: SpecChange.Severity
    var location: String
    var phrase: String

    init(_ severity: SpecChange.Severity, _ location: String, _ phrase: String) {
        self.severity = severity
        self.location = location
        self.phrase = phrase
    }

    var testDescription: String { "\(severity.label) \(location): …\(phrase)…" }

    /// Checks `change` against the expectation, failing the test on mismatch.
    func verify(_ change: SpecChange, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(change.severity == severity, "\(change)", sourceLocation: sourceLocation)
        #expect(change.location == location, "\(change)", sourceLocation: sourceLocation)
        #expect(change.message.contains(phrase), "\(change)", sourceLocation: sourceLocation)
    }

    /// Checks that `changes` are exactly the `expected` ones, in order.
    static func verify(_ changes: [SpecChange], are expected: [ExpectedSpecChange], sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(changes.count == expected.count, "got \(changes.map(\.description))", sourceLocation: sourceLocation)
        for (change, expectation) in zip(changes, expected) {
            expectation.verify(change, sourceLocation: sourceLocation)
        }
    }
}
