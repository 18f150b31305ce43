import Foundation
import OpenAPIKit

/// Translates `components/schemas` into `ModelDefinition`s and resolves property schemas to
/// `TypeUsage`s. Anything the generator cannot represent faithfully is an error diagnostic at
/// the schema's location, never a silent approximation.
package struct SchemaTranslator {
    let document: OpenAPI.Document
    /// The raw spec, for keywords OpenAPIKit folds away (several types) or models cannot hold.
    let raw: RawJSON
    let diagnostics: DiagnosticCollector
    /// Names of component schemas used directly as PATCH request bodies.
    let patchBodies: Set<String>

    /// Keywords that make an object accept members a generated struct would silently drop.
    static let unrepresentableObjectKeywords = [
        "patternProperties", "unevaluatedProperties", "dependentSchemas", "if", "then", "else", "not",
    ]

    /// Names a nested type must not take: Swift's own, and those every generated file uses.
    static let reservedTypeNames: Set<String> = [
        "Type", "Self", "Protocol", "Any", "String", "Int", "Double", "Bool", "Date", "UUID", "Data", "URL",
        "JSONValue", "Array", "Dictionary", "Optional", "Set", "CodingKeys", "Error", "Decoder", "Encoder",
    ]

    package init(document: OpenAPI.Document, raw: RawJSON, diagnostics: DiagnosticCollector, patchBodies: Set<String>) {
        self.document = document
        self.raw = raw
        self.diagnostics = diagnostics
        self.patchBodies = patchBodies
    }

    /// Every component schema, in spec order.
    package func translateComponents() -> [ModelDefinition] {
        document.components.schemas.compactMap { key, schema in
            let name = key.rawValue
            let pointer = JSONPointer.schema(name)
            guard SwiftNaming.upperCamel(name) == name else {
                diagnostics.error("component schema names must be UpperCamelCase Swift identifiers; rename '\(name)'", at: pointer.description)
                return nil
            }
            return translateNamed(schema, name: name, pointer: pointer)
        }
    }

    /// A schema that gets its own type named `name`.
    func translateNamed(_ schema: JSONSchema, name: String, pointer: JSONPointer) -> ModelDefinition? {
        let doc = Self.docLines(schema.description, pointer: pointer)
        if isNullable(schema) {
            diagnostics.error("a named type cannot itself be nullable; keep '\(name)' non-null and make the properties that use it nullable", at: pointer.description)
            return nil
        }
        switch schema.value {
        case .object(_, let object) where !object.properties.isEmpty:
            return .structure(translateStruct(name: name, doc: doc, object: object, pointer: pointer))
        case .string(let core, _) where core.allowedValues != nil:
            let values = core.allowedValues!.compactMap { $0.value as? String }
            guard values.count == core.allowedValues!.count, !values.isEmpty else {
                diagnostics.error("enum values must be strings", at: pointer.appending("enum").description)
                return nil
            }
            return .stringEnum(StringEnumDefinition(name: name, doc: doc, pointer: pointer, values: values))
        case .one(let alternatives, _) where nonNullAlternatives(alternatives).count > 1:
            return translateUnion(name: name, doc: doc, alternatives: nonNullAlternatives(alternatives), pointer: pointer)
        default:
            guard let type = resolveStandalone(schema, ownerName: name, pointer: pointer) else { return nil }
            if type.needsWireWrapper {
                diagnostics.error("a component that is a bare uuid/date-time (or a collection of them) is not supported; use the format inline where it is needed", at: pointer.description)
                return nil
            }
            return .alias(AliasDefinition(name: name, doc: doc, pointer: pointer, type: type))
        }
    }

    private func translateStruct(name: String, doc: [String], object: JSONSchema.ObjectContext, pointer: JSONPointer) -> StructDefinition {
        for keyword in Self.unrepresentableObjectKeywords where raw.value(at: pointer)?[keyword] != nil {
            diagnostics.error("'\(keyword)' on an object with properties is not supported: the generated struct would drop what it admits", at: pointer.appending(keyword).description)
        }
        var nested: [ModelDefinition] = []
        var fields: [FieldDefinition] = []
        var usedNames: Set<String> = []
        for (wireName, property) in object.properties {
            let propertyPointer = pointer.appending("properties", wireName)
            let swiftName = SwiftNaming.lowerCamel(wireName)
            if ["self", "Self", "Type", "Protocol", "additionalProperties"].contains(SwiftNaming.unescaped(swiftName)) {
                diagnostics.error("property '\(wireName)' cannot be a Swift member name ('\(SwiftNaming.unescaped(swiftName))' is reserved)", at: propertyPointer.description)
                continue
            }
            guard usedNames.insert(swiftName).inserted else {
                diagnostics.error("properties '\(wireName)' and another map to the same Swift name '\(swiftName)'", at: propertyPointer.description)
                continue
            }
            guard let type = resolve(property, ownerName: name, propertyName: wireName, pointer: propertyPointer, nested: &nested) else {
                continue
            }
            fields.append(FieldDefinition(
                wireName: wireName,
                swiftName: swiftName,
                type: type,
                required: property.required,
                nullable: isNullable(property),
                defaultValue: property.defaultValue.flatMap { RawJSON(anyCodable: $0.value) },
                doc: Self.docLines(property.description, pointer: nil)))
        }
        var additional: TypeUsage?
        switch object.additionalProperties {
        case .a(true)?: additional = .json
        case .b(let schema)?:
            additional = resolve(schema, ownerName: name, propertyName: "additionalProperties", pointer: pointer.appending("additionalProperties"), nested: &nested)
        default: additional = nil
        }
        return StructDefinition(
            name: name, doc: doc, pointer: pointer, fields: fields, nested: nested,
            isPatchBody: patchBodies.contains(name), additionalProperties: additional)
    }

    private func translateUnion(name: String, doc: [String], alternatives: [JSONSchema], pointer: JSONPointer) -> ModelDefinition? {
        var result: [UnionDefinition.Alternative] = []
        for (index, alternative) in alternatives.enumerated() {
            let alternativePointer = pointer.appending("oneOf", String(index))
            guard let type = resolveStandalone(alternative, ownerName: name, pointer: alternativePointer) else {
                return nil
            }
            let caseName = Self.unionCaseName(for: type)
            if result.contains(where: { $0.caseName == caseName }) {
                diagnostics.error("oneOf alternatives must have distinct shapes; two decode as '\(caseName)'", at: alternativePointer.description)
                return nil
            }
            result.append(.init(caseName: caseName, type: type))
        }
        // Integers are tried before doubles so `1` stays an integer.
        result.sort { Self.decodingRank($0.type) < Self.decodingRank($1.type) }
        return .union(UnionDefinition(name: name, doc: doc, pointer: pointer, alternatives: result))
    }

    private static func unionCaseName(for type: TypeUsage) -> String {
        switch type {
        case .string, .uuid, .date: return "string"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "bool"
        case .json: return "json"
        case .array: return "array"
        case .dictionary: return "object"
        case .named(let name): return SwiftNaming.lowerCamel(name.split(separator: ".").last.map(String.init) ?? name)
        }
    }

    private static func decodingRank(_ type: TypeUsage) -> Int {
        switch type {
        case .boolean: return 0
        case .integer: return 1
        case .number: return 2
        case .uuid, .date: return 3
        case .string: return 4
        case .named: return 5
        case .array: return 6
        case .dictionary: return 7
        case .json: return 8
        }
    }

    /// Resolves a schema that may not declare nested types (union alternatives, aliases).
    private func resolveStandalone(_ schema: JSONSchema, ownerName: String, pointer: JSONPointer) -> TypeUsage? {
        var nested: [ModelDefinition] = []
        let type = resolve(schema, ownerName: ownerName, propertyName: nil, pointer: pointer, nested: &nested)
        guard nested.isEmpty else {
            diagnostics.error("an inline enum or oneOf needs a property to be named after; make it a component", at: pointer.description)
            return nil
        }
        return type
    }

    /// Resolves a property (or item) schema to a Swift type. Inline enums and unions become
    /// types nested in `ownerName`, appended to `nested`.
    func resolve(
        _ schema: JSONSchema, ownerName: String, propertyName: String?, pointer: JSONPointer, nested: inout [ModelDefinition]
    ) -> TypeUsage? {
        if case .array(let types)? = raw.value(at: pointer)?["type"], types.filter({ $0 != .string("null") }).count > 1 {
            diagnostics.error("a schema with several types is not supported; use oneOf with one type per alternative", at: pointer.appending("type").description)
            return nil
        }
        switch schema.value {
        case .reference(let reference, _):
            guard let name = reference.name, document.components.schemas[.init(stringLiteral: name)] != nil,
                  reference.absoluteString.hasPrefix("#/components/schemas/")
            else {
                diagnostics.error("only references to '#/components/schemas/<Name>' are supported, found '\(reference.absoluteString)'", at: pointer.description)
                return nil
            }
            return .named(name)
        case .boolean:
            return .boolean
        case .integer:
            return .integer
        case .number:
            return .number
        case .string(let core, _):
            if core.allowedValues != nil {
                return nestedType(schema, ownerName: ownerName, propertyName: propertyName, pointer: pointer, nested: &nested)
            }
            switch core.format {
            case .uuid: return .uuid
            case .dateTime: return .date
            default: return .string
            }
        case .array(_, let array):
            guard let items = array.items else { return .array(.json) }
            return resolve(items, ownerName: ownerName, propertyName: propertyName.map { $0 + "_item" }, pointer: pointer.appending("items"), nested: &nested).map(TypeUsage.array)
        case .object(_, let object):
            guard object.properties.isEmpty else {
                diagnostics.error("inline objects with properties are not supported; move this schema to '#/components/schemas' and reference it", at: pointer.description)
                return nil
            }
            switch object.additionalProperties {
            case .b(let valueSchema)?:
                return resolve(valueSchema, ownerName: ownerName, propertyName: propertyName.map { $0 + "_value" }, pointer: pointer.appending("additionalProperties"), nested: &nested).map(TypeUsage.dictionary)
            case .a(false)?:
                diagnostics.error("an object that allows no properties cannot be represented", at: pointer.description)
                return nil
            default:
                return .dictionary(.json)
            }
        case .fragment:
            return .json
        case .one(let alternatives, _):
            let nonNull = nonNullAlternatives(alternatives)
            if nonNull.count == 1 {
                return resolve(nonNull[0], ownerName: ownerName, propertyName: propertyName, pointer: pointer.appending("oneOf", "0"), nested: &nested)
            }
            return nestedType(schema, ownerName: ownerName, propertyName: propertyName, pointer: pointer, nested: &nested)
        case .null:
            diagnostics.error("a schema that only allows null has no Swift type; make the property nullable instead", at: pointer.description)
            return nil
        case .all:
            diagnostics.error("allOf is not supported by the generator; write the combined schema as one component", at: pointer.description)
            return nil
        case .any:
            diagnostics.error("anyOf is not supported by the generator; use oneOf with disjoint alternatives", at: pointer.description)
            return nil
        case .not:
            diagnostics.error("'not' is not supported by the generator", at: pointer.description)
            return nil
        }
    }

    private func nestedType(
        _ schema: JSONSchema, ownerName: String, propertyName: String?, pointer: JSONPointer, nested: inout [ModelDefinition]
    ) -> TypeUsage? {
        guard let propertyName else {
            diagnostics.error("an inline enum or oneOf needs a property to be named after; make it a component", at: pointer.description)
            return nil
        }
        let localName = SwiftNaming.upperCamel(propertyName)
        if Self.reservedTypeNames.contains(localName) || document.components.schemas[.init(stringLiteral: localName)] != nil {
            diagnostics.error("property '\(propertyName)' would nest a type named '\(localName)', which hides another type; make the schema a component with its own name", at: pointer.description)
            return nil
        }
        guard let definition = translateNamed(schema, name: localName, pointer: pointer) else { return nil }
        nested.append(definition)
        return .named("\(ownerName).\(localName)")
    }

    private func nonNullAlternatives(_ alternatives: [JSONSchema]) -> [JSONSchema] {
        alternatives.filter { if case .null = $0.value { return false } else { return true } }
    }

    func isNullable(_ schema: JSONSchema) -> Bool {
        if schema.nullable { return true }
        if case .one(let alternatives, _) = schema.value {
            return alternatives.contains { if case .null = $0.value { return true } else { return false } }
        }
        return false
    }

    /// Doc comment lines from a description, ending with the spec location it came from.
    static func docLines(_ description: String?, pointer: JSONPointer?) -> [String] {
        var lines = (description ?? "").split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0).trimmingTrailingWhitespace()
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        if let pointer {
            if !lines.isEmpty { lines.append("") }
            lines.append("- Spec: `\(pointer)`")
        }
        return lines
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var result = self
        while result.last?.isWhitespace == true { result.removeLast() }
        return result
    }
}

extension RawJSON {
    /// Converts OpenAPIKit's `AnyCodable` payloads (defaults, enum values) to the raw tree.
    init?(anyCodable value: Any) {
        switch value {
        case is NSNull, is Void: self = .null
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .integer(value)
        case let value as Double: self = .number(value)
        case let value as String: self = .string(value)
        case let value as [Any]:
            let items = value.compactMap { RawJSON(anyCodable: $0) }
            guard items.count == value.count else { return nil }
            self = .array(items)
        case let value as [String: Any]:
            var members: [(key: String, value: RawJSON)] = []
            for key in value.keys.sorted() {
                guard let member = RawJSON(anyCodable: value[key]!) else { return nil }
                members.append((key, member))
            }
            self = .object(members)
        default:
            return nil
        }
    }
}
