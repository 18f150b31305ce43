import Foundation
import Testing
@testable import HandoffRailCodegen

/// Spec pairs under `Fixtures/`, each differing from the other by one edit
/// a contributor might make to `spec/handoffrail.yaml`.
@Suite("Spec compatibility: fixture spec pairs")
struct SpecCompatibilityCheckerTests {

    /// A fixture pair that differs by exactly one edit.
    struct SingleEdit: Sendable, CustomTestStringConvertible {
        var fixture: String
        var expected: ExpectedSpecChange

        init(_ fixture: String, _ severity: SpecChange.Severity, _ location: String, _ phrase: String) {
            self.fixture = fixture
            self.expected = ExpectedSpecChange(severity, location, phrase)
        }

        var testDescription: String { fixture }
    }

    static let packets = "#/paths/~1api~1v1~1packets"
    static let packet = "#/components/schemas/Packet/properties"
    static let packetInput = "#/components/schemas/PacketInput/properties"

    static let breakingEdits: [SingleEdit] = [
        .init("removed-path", .breaking, "#/paths/~1api~1v1~1agents", "path /api/v1/agents was removed"),
        .init("removed-operation", .breaking, "\(packets)/get", "operation GET /api/v1/packets was removed"),
        .init("changed-operation-id", .breaking, "\(packets)/post/operationId", "from 'createPacket' to 'submitPacket'; the wire is unchanged, but the generated SDK method is renamed"),
        .init("removed-response-status", .breaking, "\(packets)/post/responses/409", "response status 409 was removed"),
        .init("changed-success-status", .breaking, "\(packets)/post/responses/201", "success status code changed from 200 to 201"),
        .init("removed-response-field", .breaking, "\(packet)/claimedBy", "property 'claimedBy' was removed; clients reading it will no longer find it"),
        .init("response-field-became-optional", .breaking, "\(packet)/status", "property 'status' became optional; clients relying on its presence"),
        .init("response-field-became-nullable", .breaking, "\(packet)/claimedBy", "value became nullable; clients decoding responses may now receive null"),
        .init("removed-request-enum-value", .breaking, "\(packetInput)/priority/enum", "enum value 'high' was removed; clients may still send it"),
        .init("added-required-request-field", .breaking, "\(packetInput)/tenant", "required property 'tenant' was added; clients that do not send it will be rejected"),
        .init("added-required-parameter", .breaking, "\(packets)/get/parameters/1", "required query parameter 'tenant' was added"),
        .init("parameter-became-required", .breaking, "\(packets)/get/parameters/0/required", "query parameter 'limit' became required"),
        .init("request-field-became-required", .breaking, "\(packetInput)/note", "property 'note' became required; clients that omit it will be rejected"),
        .init("changed-field-type", .breaking, "\(packetInput)/ttlSeconds", "type changed from integer to string"),
        .init("changed-parameter-type", .breaking, "\(packets)/get/parameters/0/schema", "type changed from integer to string"),
        .init("changed-format", .breaking, "\(packet)/id/format", "format changed from 'uuid' to none; clients parsing responses as 'uuid' may fail"),
        .init("tightened-request-constraint", .breaking, "\(packetInput)/title/maxLength", "maxLength lowered from 200 to 100; clients sending values that were valid before will be rejected"),
        .init("loosened-response-constraint", .breaking, "\(packet)/title/maxLength", "maxLength raised from 200 to 500; clients may rely on the old limit"),
        .init("changed-parameter-location", .breaking, "\(packets)/get/parameters/0/in", "parameter 'limit' moved from query to header"),
        .init("renamed-parameter", .breaking, "\(packets)/get/parameters/0/name", "query parameter 'limit' was renamed to 'pageSize'"),
        .init("removed-request-content-type", .breaking, "\(packets)/post/requestBody/content/application~1x-www-form-urlencoded", "request body content type 'application/x-www-form-urlencoded' was removed"),
        .init("added-security", .breaking, "\(packets)/post/security", "security requirement added ('bearerAuth') to an operation that had none"),
    ]

    static let nonBreakingEdits: [SingleEdit] = [
        .init("added-response-enum-value", .nonBreaking, "\(packet)/status/enum", "enum value 'expired' was added; tolerant clients must handle values they do not know"),
        .init("added-path", .nonBreaking, "#/paths/~1api~1v1~1agents", "path /api/v1/agents was added"),
        .init("added-operation", .nonBreaking, "\(packets)/get", "operation GET /api/v1/packets was added"),
        .init("added-optional-request-field", .nonBreaking, "\(packetInput)/labels", "optional property 'labels' was added; existing clients can keep omitting it"),
        .init("added-optional-parameter", .nonBreaking, "\(packets)/get/parameters/1", "optional query parameter 'cursor' was added"),
        .init("added-response-field", .nonBreaking, "\(packet)/createdAt", "optional property 'createdAt' was added; clients receive an additional field"),
        .init("added-response-status", .nonBreaking, "\(packets)/post/responses/422", "response status 422 was added; clients should handle it"),
        .init("loosened-request-constraint", .nonBreaking, "\(packetInput)/title/maxLength", "maxLength raised from 200 to 500; requests accept more values"),
        .init("added-request-enum-value", .nonBreaking, "\(packetInput)/priority/enum", "enum value 'urgent' was added; clients may now send it"),
    ]

    @Test("A breaking edit yields exactly one breaking change", arguments: breakingEdits)
    func breakingEdit(_ edit: SingleEdit) throws {
        let changes = try SpecCompatibilityFixture.changes(named: edit.fixture)
        try ExpectedSpecChange.verify(changes, are: [edit.expected])
    }

    @Test("A compatible edit yields exactly one non-breaking change", arguments: nonBreakingEdits)
    func nonBreakingEdit(_ edit: SingleEdit) throws {
        let changes = try SpecCompatibilityFixture.changes(named: edit.fixture)
        try ExpectedSpecChange.verify(changes, are: [edit.expected])
    }

    @Test("Identical specs and purely textual edits yield no changes", arguments: ["identical", "description-only"])
    func noChanges(_ fixture: String) throws {
        let changes = try SpecCompatibilityFixture.changes(named: fixture)
        #expect(changes.isEmpty, "\(changes.map(\.description))")
    }

    @Test("Recursive schemas terminate and each change is reported once at its component")
    func referenceCycle() throws {
        let changes = try SpecCompatibilityFixture.changes(named: "ref-cycle")
        try ExpectedSpecChange.verify(changes, are: [
            ExpectedSpecChange(.nonBreaking, "#/components/schemas/Edge/properties/weight", "optional property 'weight' was added"),
            ExpectedSpecChange(.breaking, "#/components/schemas/Node/properties/label", "required property 'label' was added; clients that do not send it will be rejected"),
        ])
    }

    @Test("A schema used by a request and a response is checked both ways, once")
    func schemaUsedInBothDirections() throws {
        let changes = try SpecCompatibilityFixture.changes(named: "shared-schema")
        let handoff = "#/components/schemas/Handoff/properties"
        try ExpectedSpecChange.verify(changes, are: [
            // Optional field: safe for requests and responses alike.
            ExpectedSpecChange(.nonBreaking, "\(handoff)/notes", "optional property 'notes' was added; existing clients can keep omitting it"),
            // New required field: breaks the request direction.
            ExpectedSpecChange(.breaking, "\(handoff)/owner", "required property 'owner' was added; clients that do not send it will be rejected"),
            // New enum value: fine to send, and tolerated in responses.
            ExpectedSpecChange(.nonBreaking, "\(handoff)/reason/enum", "enum value 'timeout' was added; tolerant clients must handle values they do not know"),
            // Loosened limit: harmless for requests, but breaks the response direction.
            ExpectedSpecChange(.breaking, "\(handoff)/summary/maxLength", "maxLength raised from 280 to 500; clients may rely on the old limit"),
        ])
    }

    @Test("Shared parameters and responses are reported once, at the component")
    func sharedComponents() throws {
        let changes = try SpecCompatibilityFixture.changes(named: "shared-components")
        try ExpectedSpecChange.verify(changes, are: [
            ExpectedSpecChange(.breaking, "#/components/parameters/Limit/schema/maximum", "maximum lowered from 100 to 50; clients sending values that were valid before will be rejected"),
            ExpectedSpecChange(.breaking, "#/components/responses/NotFound/content/application~1json/schema/properties/code", "property 'code' was removed; clients reading it will no longer find it"),
        ])
    }

    @Test("Removals point into the old spec, everything else into the new one")
    func removalsPointIntoTheOldSpec() throws {
        // The old spec declares the body inline; the new one moves it into a
        // component, dropping `b` and adding `c` on the way.
        let template = """
            openapi: 3.1.0
            info: {title: Fixture, version: 1.0.0}
            paths:
              /subjects:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: SCHEMA
                  responses:
                    '204': {description: Created}
            components:
              schemas:
                Subject: {type: object, properties: {a: {type: string}, c: {type: string}}}

            """
        let old = template.replacingOccurrences(of: "SCHEMA", with: "{type: object, properties: {a: {type: string}, b: {type: string}}}")
        let new = template.replacingOccurrences(of: "SCHEMA", with: "{$ref: '#/components/schemas/Subject'}")
        let changes = try SpecCompatibilityFixture.changes(old: old, new: new)
        try ExpectedSpecChange.verify(changes, are: [
            ExpectedSpecChange(.nonBreaking, "#/components/schemas/Subject/properties/c", "optional property 'c' was added"),
            ExpectedSpecChange(.breaking, "#/paths/~1subjects/post/requestBody/content/application~1json/schema/properties/b", "property 'b' was removed"),
        ])
    }

    @Test("Results are sorted by location and do not depend on traversal order")
    func deterministicOrder() throws {
        let first = try SpecCompatibilityFixture.changes(named: "shared-schema")
        let second = try SpecCompatibilityFixture.changes(named: "shared-schema")
        #expect(first == second)
        #expect(first.map(\.location) == first.map(\.location).sorted())
    }
}
