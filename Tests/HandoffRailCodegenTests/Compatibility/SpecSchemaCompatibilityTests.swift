import Testing
@testable import HandoffRailCodegen

/// One schema edited in place, checked in the direction(s) it is used in.
/// Each case builds a spec around the component schema `Subject`.
@Suite("Spec compatibility: schema edits by direction")
struct SpecSchemaCompatibilityTests {

    /// A schema edit and the single change it must produce.
    struct SchemaEdit: Sendable, CustomTestStringConvertible {
        var name: String
        var old: String
        var new: String
        var usage: SpecCompatibilityFixture.Usage
        var expected: ExpectedSpecChange

        /// - Parameter suffix: The location below `#/components/schemas/Subject`.
        init(
            _ name: String,
            _ old: String,
            _ new: String,
            in usage: SpecCompatibilityFixture.Usage,
            _ severity: SpecChange.Severity,
            at suffix: String,
            _ phrase: String
        ) {
            self.name = name
            self.old = old
            self.new = new
            self.usage = usage
            self.expected = ExpectedSpecChange(severity, "#/components/schemas/Subject" + suffix, phrase)
        }

        var testDescription: String { "\(name) (\(usage.rawValue))" }
    }

    static let constraintEdits: [SchemaEdit] = [
        .init("minLength raised", "{type: string, minLength: 1}", "{type: string, minLength: 3}", in: .request,
              .breaking, at: "/minLength", "minLength raised from 1 to 3; clients sending values that were valid before will be rejected"),
        .init("minLength raised", "{type: string, minLength: 1}", "{type: string, minLength: 3}", in: .response,
              .nonBreaking, at: "/minLength", "minLength raised from 1 to 3; responses only get narrower"),
        .init("minLength raised", "{type: string, minLength: 1}", "{type: string, minLength: 3}", in: .both,
              .breaking, at: "/minLength", "minLength raised from 1 to 3; clients sending values"),
        .init("maxLength removed", "{type: string, maxLength: 10}", "{type: string}", in: .response,
              .breaking, at: "/maxLength", "maxLength 10 was removed; clients may rely on the old limit"),
        .init("maxLength raised", "{type: string, maxLength: 10}", "{type: string, maxLength: 20}", in: .both,
              .breaking, at: "/maxLength", "maxLength raised from 10 to 20; clients may rely on the old limit"),
        .init("minimum raised", "{type: integer, minimum: 1}", "{type: integer, minimum: 5}", in: .request,
              .breaking, at: "/minimum", "minimum raised from 1 to 5"),
        .init("maximum lowered", "{type: number, maximum: 10.5}", "{type: number, maximum: 10}", in: .request,
              .breaking, at: "/maximum", "maximum lowered from 10.5 to 10"),
        .init("minimum made exclusive", "{type: integer, minimum: 0}", "{type: integer, exclusiveMinimum: 0}", in: .request,
              .breaking, at: "/exclusiveMinimum", "lower bound tightened from minimum 0 to exclusiveMinimum 0"),
        .init("maximum added", "{type: integer}", "{type: integer, maximum: 100}", in: .request,
              .breaking, at: "/maximum", "maximum 100 was added"),
        .init("multipleOf made stricter", "{type: integer, multipleOf: 2}", "{type: integer, multipleOf: 4}", in: .request,
              .breaking, at: "/multipleOf", "multipleOf changed from 2 to 4; clients sending values"),
        .init("multipleOf relaxed", "{type: integer, multipleOf: 4}", "{type: integer, multipleOf: 2}", in: .request,
              .nonBreaking, at: "/multipleOf", "multipleOf changed from 4 to 2; requests accept more values"),
        .init("minItems raised", "{type: array, items: {type: string}}", "{type: array, items: {type: string}, minItems: 1}", in: .request,
              .breaking, at: "/minItems", "minItems raised from 0 to 1"),
        .init("maxItems lowered", "{type: array, items: {type: string}, maxItems: 10}", "{type: array, items: {type: string}, maxItems: 5}", in: .request,
              .breaking, at: "/maxItems", "maxItems lowered from 10 to 5"),
        .init("uniqueItems required", "{type: array, items: {type: string}}", "{type: array, items: {type: string}, uniqueItems: true}", in: .request,
              .breaking, at: "/uniqueItems", "uniqueItems changed from false to true"),
        .init("pattern added", "{type: string}", "{type: string, pattern: '^[a-z]+$'}", in: .request,
              .breaking, at: "/pattern", "pattern '^[a-z]+$' was added"),
        .init("pattern removed", "{type: string, pattern: '^[a-z]+$'}", "{type: string}", in: .response,
              .breaking, at: "/pattern", "pattern '^[a-z]+$' was removed"),
        .init("pattern changed", "{type: string, pattern: '^[a-z]+$'}", "{type: string, pattern: '^[0-9]+$'}", in: .response,
              .breaking, at: "/pattern", "pattern changed from '^[a-z]+$' to '^[0-9]+$'"),
        .init("enum added", "{type: string}", "{type: string, enum: [draft, sent]}", in: .request,
              .breaking, at: "/enum", "enum constraint was added ('draft', 'sent')"),
        .init("enum value removed", "{type: string, enum: [draft, sent]}", "{type: string, enum: [draft]}", in: .response,
              .nonBreaking, at: "/enum", "enum value 'sent' was removed; responses no longer contain it"),
        .init("additionalProperties closed", "{type: object, properties: {a: {type: string}}}",
              "{type: object, properties: {a: {type: string}}, additionalProperties: false}", in: .request,
              .breaking, at: "/additionalProperties", "additionalProperties changed from true to false"),
        .init("additionalProperties opened", "{type: object, additionalProperties: false}", "{type: object, additionalProperties: true}", in: .response,
              .breaking, at: "/additionalProperties", "additionalProperties changed from false to true; clients may rely on the old limit"),
        .init("additionalProperties opened", "{type: object, additionalProperties: false}", "{type: object, additionalProperties: true}", in: .request,
              .nonBreaking, at: "/additionalProperties", "additionalProperties changed from false to true; requests accept more values"),
    ]

    static let structuralEdits: [SchemaEdit] = [
        .init("map value type changed", "{type: object, additionalProperties: {type: string}}", "{type: object, additionalProperties: {type: integer}}", in: .response,
              .breaking, at: "/additionalProperties", "type changed from string to integer"),
        .init("array item type changed", "{type: array, items: {type: string}}", "{type: array, items: {type: integer}}", in: .request,
              .breaking, at: "/items", "type changed from string to integer"),
        .init("array item field removed", "{type: array, items: {type: object, properties: {a: {type: string}, b: {type: string}}}}",
              "{type: array, items: {type: object, properties: {a: {type: string}}}}", in: .response,
              .breaking, at: "/items/properties/b", "property 'b' was removed"),
        .init("integer widened to number", "{type: integer}", "{type: number}", in: .request,
              .breaking, at: "", "type changed from integer to number"),
        .init("format added", "{type: string}", "{type: string, format: uuid}", in: .request,
              .breaking, at: "/format", "clients sending values that are not 'uuid' will be rejected, and the generated Swift type may change"),
        .init("request field removed", "{type: object, properties: {a: {type: string}, b: {type: string}}}", "{type: object, properties: {a: {type: string}}}", in: .request,
              .breaking, at: "/properties/b", "property 'b' was removed; clients still sending it may be rejected or have it ignored"),
        .init("request value became nullable", "{type: string}", "{type: [string, 'null']}", in: .request,
              .nonBreaking, at: "", "value became nullable; requests may now send null"),
        .init("request value no longer nullable", "{type: [string, 'null']}", "{type: string}", in: .request,
              .breaking, at: "", "value is no longer nullable; clients sending null will be rejected"),
        .init("nullable through a oneOf null alternative", "{type: string}", "{oneOf: [{type: string}, {type: 'null'}]}", in: .response,
              .breaking, at: "", "value became nullable; clients decoding responses may now receive null"),
        .init("oneOf alternative added", "{oneOf: [{title: Text, type: string}, {title: Count, type: integer}]}",
              "{oneOf: [{title: Text, type: string}, {title: Count, type: integer}, {title: Flag, type: boolean}]}", in: .response,
              .breaking, at: "/oneOf/2", "oneOf alternative 'Flag' was added; clients may receive a variant they cannot decode"),
        .init("oneOf alternative added", "{oneOf: [{title: Text, type: string}, {title: Count, type: integer}]}",
              "{oneOf: [{title: Text, type: string}, {title: Count, type: integer}, {title: Flag, type: boolean}]}", in: .request,
              .nonBreaking, at: "/oneOf/2", "oneOf alternative 'Flag' was added; clients may now send the new variant"),
        .init("oneOf alternative removed", "{oneOf: [{title: Text, type: string}, {title: Count, type: integer}]}",
              "{oneOf: [{title: Text, type: string}]}", in: .request,
              .breaking, at: "/oneOf/1", "oneOf alternative 'Count' was removed; clients sending that variant will be rejected"),
        .init("oneOf alternative changed", "{oneOf: [{title: Text, type: string, maxLength: 5}, {title: Count, type: integer}]}",
              "{oneOf: [{title: Count, type: integer}, {title: Text, type: string, maxLength: 3}]}", in: .request,
              .breaking, at: "/oneOf/1/maxLength", "maxLength lowered from 5 to 3"),
        .init("required readOnly field added to a request schema",
              "{type: object, properties: {a: {type: string}}}",
              "{type: object, required: [id], properties: {a: {type: string}, id: {type: string, readOnly: true}}}", in: .request,
              .nonBreaking, at: "/properties/id", "required property 'id' was added"),
        .init("property became readOnly", "{type: object, properties: {a: {type: string}}}",
              "{type: object, properties: {a: {type: string, readOnly: true}}}", in: .request,
              .breaking, at: "/properties/a", "property 'a' became readOnly; clients can no longer send it"),
        .init("reference made nullable through oneOf", "{type: object, properties: {owner: {$ref: '#/components/schemas/Person'}}}",
              "{type: object, properties: {owner: {oneOf: [{$ref: '#/components/schemas/Person'}, {type: 'null'}]}}}", in: .response,
              .breaking, at: "/properties/owner", "value became nullable; clients decoding responses"),
        .init("inline object replaced by a nullable reference", "{type: object, properties: {owner: {type: object}}}",
              "{type: object, properties: {owner: {oneOf: [{$ref: '#/components/schemas/Person'}, {type: 'null'}]}}}", in: .response,
              .breaking, at: "/properties/owner", "value became nullable; clients decoding responses"),
        .init("default changed", "{type: integer, default: 10}", "{type: integer, default: 20}", in: .request,
              .nonBreaking, at: "/default", "default changed from 10 to 20; clients that omit the value now get the new default"),
        .init("description and examples only", "{type: string, description: Old}", "{type: string, description: New, examples: [x]}", in: .both,
              .nonBreaking, at: "", ""),
    ]

    @Test("Constraint edits are classified by direction", arguments: constraintEdits)
    func constraintEdit(_ edit: SchemaEdit) throws {
        try check(edit)
    }

    @Test("Structural edits are classified by direction", arguments: structuralEdits)
    func structuralEdit(_ edit: SchemaEdit) throws {
        try check(edit)
    }

    private func check(_ edit: SchemaEdit) throws {
        let changes = try SpecCompatibilityFixture.changes(
            old: SpecCompatibilityFixture.spec(subject: edit.old, usedIn: edit.usage),
            new: SpecCompatibilityFixture.spec(subject: edit.new, usedIn: edit.usage)
        )
        if edit.expected.phrase.isEmpty {
            #expect(changes.isEmpty, "\(changes.map(\.description))")
        } else {
            try ExpectedSpecChange.verify(changes, are: [edit.expected])
        }
    }
}
