/// Translates `ModelDefinition`s into Swift value types (the `models` output).
package struct ModelsTranslator {
    /// Component names that are string enums (defaults of those types are written as `.case`).
    let enumNames: Set<String>
    /// Names of generated structs (JSON objects on the wire).
    let structureNames: Set<String>
    /// Values of each string enum, to check defaults against.
    let enumValues: [String: [String]]
    let diagnostics: DiagnosticCollector

    /// The catch-all case of generated enums, holding a value the spec does not list.
    static let unknownCaseName = "undocumented"

    package init(definitions: [ModelDefinition], diagnostics: DiagnosticCollector) {
        var names: Set<String> = []
        var structures: Set<String> = []
        var values: [String: [String]] = [:]
        func collect(_ definition: ModelDefinition, prefix: String) {
            switch definition {
            case .stringEnum(let e):
                names.insert(prefix + e.name)
                values[prefix + e.name] = e.values
            case .structure(let s):
                structures.insert(prefix + s.name)
                s.nested.forEach { collect($0, prefix: prefix + s.name + ".") }
            default: break
            }
        }
        definitions.forEach { collect($0, prefix: "") }
        self.enumNames = names
        self.structureNames = structures
        self.enumValues = values
        self.diagnostics = diagnostics
    }

    package func translate(_ definitions: [ModelDefinition]) -> SwiftFile {
        SwiftFile(
            name: "Types.swift",
            imports: [ImportDeclaration(module: "Foundation")],
            declarations: definitions.map { declaration(for: $0, scope: "") })
    }

    func declaration(for definition: ModelDefinition, scope: String) -> Declaration {
        switch definition {
        case .structure(let definition): return .type(structure(definition, scope: scope))
        case .stringEnum(let definition): return .type(stringEnum(definition))
        case .union(let definition): return .type(union(definition))
        case .alias(let definition):
            return .typeAlias(doc: definition.doc, access: .public, name: definition.name, type: definition.type.swift)
        }
    }

    // MARK: Structs

    private func structure(_ definition: StructDefinition, scope: String) -> TypeDeclaration {
        let qualified = scope + definition.name
        var members: [Declaration] = []
        for field in definition.fields {
            members.append(.property(PropertyDeclaration(
                doc: field.doc, access: .public, isLet: false, name: field.swiftName,
                type: storageType(field, in: definition))))
        }
        if let additional = definition.additionalProperties {
            members.append(.property(PropertyDeclaration(
                doc: ["Members beyond the declared properties, kept as sent."], access: .public, isLet: false,
                name: "additionalProperties", type: "[String: \(additional.swift)]")))
        }
        members.append(.function(memberwiseInitializer(definition)))
        members.append(.type(codingKeys(definition)))
        members.append(.function(decoder(definition)))
        members.append(.function(encoder(definition)))
        members += definition.nested.map { declaration(for: $0, scope: qualified + ".") }
        return TypeDeclaration(
            doc: definition.doc, access: .public, kind: .struct, name: definition.name,
            conformances: ["Codable", "Hashable", "Sendable"], members: members)
    }

    private func storageType(_ field: FieldDefinition, in definition: StructDefinition) -> String {
        switch field.storage(inPatchBody: definition.isPatchBody) {
        case .plain: return field.type.swift
        case .optional: return field.type.swift + "?"
        case .patch: return "PatchField<\(field.type.swift)>"
        }
    }

    private func memberwiseInitializer(_ definition: StructDefinition) -> FunctionDeclaration {
        var parameters: [FunctionParameter] = []
        var body: [Statement] = []
        for field in definition.fields {
            let label = SwiftNaming.unescaped(field.swiftName)
            var defaultValue: String?
            switch field.storage(inPatchBody: definition.isPatchBody) {
            case .plain:
                if !field.required, let value = field.defaultValue {
                    defaultValue = literal(value, as: field.type, at: definition.pointer.appending("properties", field.wireName))
                }
            case .optional: defaultValue = "nil"
            case .patch: defaultValue = ".absent"
            }
            parameters.append(FunctionParameter(label: label, name: field.swiftName, type: storageType(field, in: definition), defaultValue: defaultValue))
            body.append(.expression("self.\(label) = \(field.swiftName)"))
        }
        if let additional = definition.additionalProperties {
            parameters.append(FunctionParameter(label: "additionalProperties", name: "additionalProperties", type: "[String: \(additional.swift)]", defaultValue: "[:]"))
            body.append(.expression("self.additionalProperties = additionalProperties"))
        }
        return FunctionDeclaration(
            doc: ["Creates a value; optional members default as the schema says."], access: .public,
            kind: .initializer, parameters: parameters, body: body)
    }

    private func codingKeys(_ definition: StructDefinition) -> TypeDeclaration {
        TypeDeclaration(
            access: nil, kind: .enum, name: "CodingKeys", conformances: ["String", "CodingKey", "CaseIterable"],
            members: definition.fields.map { field in
                .enumCase(EnumCaseDeclaration(
                    name: field.swiftName, rawValue: SwiftNaming.unescaped(field.swiftName) == field.wireName ? nil : field.wireName))
            })
    }

    private func decoder(_ definition: StructDefinition) -> FunctionDeclaration {
        var body: [Statement] = [.declaration(isLet: true, name: "container", type: nil, value: "try decoder.container(keyedBy: CodingKeys.self)")]
        for field in definition.fields {
            let key = ".\(field.swiftName)"
            let name = "self.\(SwiftNaming.unescaped(field.swiftName))"
            let wire = field.type.wireSwift
            switch field.storage(inPatchBody: definition.isPatchBody) {
            case .plain where field.required:
                body.append(.expression("\(name) = \(field.type.fromWire("try container.decode(\(wire).self, forKey: \(key))"))"))
            case .plain:
                let value = field.defaultValue.map { literal($0, as: field.type, at: definition.pointer.appending("properties", field.wireName)) } ?? "nil"
                body.append(.expression("\(name) = try container.decodeIfPresent(\(wire).self, forKey: \(key))\(field.type.needsWireWrapper ? ".map { \(field.type.fromWire("$0")) }" : "") ?? \(value)"))
            case .optional:
                body.append(.expression("\(name) = try container.decodeIfPresent(\(wire).self, forKey: \(key))\(field.type.needsWireWrapper ? ".map { \(field.type.fromWire("$0")) }" : "")"))
            case .patch:
                body.append(.expression("\(name) = try container.decodePatchField(\(wire).self, forKey: \(key)) { \(field.type.fromWire("$0")) }"))
            }
        }
        if definition.additionalProperties != nil {
            body.append(.expression("self.additionalProperties = try AdditionalProperties.decode(from: decoder, declared: CodingKeys.allCases.map(\\.rawValue))"))
        }
        return FunctionDeclaration(
            access: .public, kind: .initializer,
            parameters: [FunctionParameter(label: "from", name: "decoder", type: "any Decoder")],
            isThrowing: true, body: body)
    }

    private func encoder(_ definition: StructDefinition) -> FunctionDeclaration {
        var body: [Statement] = [.declaration(isLet: false, name: "container", type: nil, value: "encoder.container(keyedBy: CodingKeys.self)")]
        for field in definition.fields {
            let key = ".\(field.swiftName)"
            let name = "self.\(SwiftNaming.unescaped(field.swiftName))"
            switch field.storage(inPatchBody: definition.isPatchBody) {
            case .plain:
                body.append(.expression("try container.encode(\(field.type.toWire(name)), forKey: \(key))"))
            case .optional(let encodesNull):
                let value = field.type.needsWireWrapper ? "\(name).map { \(field.type.toWire("$0")) }" : name
                body.append(.expression("try container.\(encodesNull ? "encode" : "encodeIfPresent")(\(value), forKey: \(key))"))
            case .patch:
                body.append(.expression("try container.encodePatchField(\(name), forKey: \(key)) { \(field.type.toWire("$0")) }"))
            }
        }
        if definition.additionalProperties != nil {
            body.append(.expression("try AdditionalProperties.encode(additionalProperties, to: encoder)"))
        }
        return FunctionDeclaration(
            access: .public, kind: .function("encode"),
            parameters: [FunctionParameter(label: "to", name: "encoder", type: "any Encoder")],
            isThrowing: true, body: body)
    }

    // MARK: Enums

    private func stringEnum(_ definition: StringEnumDefinition) -> TypeDeclaration {
        var members: [Declaration] = []
        var caseNames: [String] = []
        for value in definition.values {
            let caseName = SwiftNaming.lowerCamel(value)
            if caseNames.contains(caseName) || SwiftNaming.unescaped(caseName) == Self.unknownCaseName {
                diagnostics.error("enum values '\(value)' and another map to the same Swift case '\(caseName)'", at: definition.pointer.appending("enum").description)
            }
            caseNames.append(caseName)
            members.append(.enumCase(EnumCaseDeclaration(name: caseName)))
        }
        members.append(.enumCase(EnumCaseDeclaration(
            doc: ["A value this version of the spec does not list; clients keep it instead of failing."],
            name: Self.unknownCaseName, associatedValues: [(nil, "String")])))
        members.append(.property(PropertyDeclaration(
            doc: ["The values the spec lists, in spec order."], access: .public, isStatic: true,
            name: "allCases", type: "[\(definition.name)]",
            initializer: .code("[" + caseNames.map { ".\($0)" }.joined(separator: ", ") + "]"))))
        members.append(.function(FunctionDeclaration(
            doc: ["Maps a wire value to its case; unlisted values become `.\(Self.unknownCaseName)`."], access: .public,
            kind: .initializer, parameters: [FunctionParameter(label: "rawValue", name: "rawValue", type: "String")],
            body: [.switch(
                subject: "rawValue",
                cases: zip(definition.values, caseNames).map { SwitchCase([quoted($0)], [.expression("self = .\($1)")]) }
                    + [SwitchCase([], [.expression("self = .\(Self.unknownCaseName)(rawValue)")])])])))
        members.append(.property(PropertyDeclaration(
            doc: ["The wire value."], access: .public, name: "rawValue", type: "String",
            getter: [.switch(
                subject: "self",
                cases: zip(definition.values, caseNames).map { SwitchCase([".\($1)"], [.return(.code(quoted($0)))]) }
                    + [SwitchCase([".\(Self.unknownCaseName)(let value)"], [.return("value")])])])))
        members.append(.function(FunctionDeclaration(
            doc: ["Decodes tolerantly, or strictly when the decoder's `userInfo[.handoffRailStrictEnums]` is `true` (the server)."],
            access: .public, kind: .initializer,
            parameters: [FunctionParameter(label: "from", name: "decoder", type: "any Decoder")], isThrowing: true,
            body: [
                .declaration(isLet: true, name: "container", type: nil, value: "try decoder.singleValueContainer()"),
                .expression("self.init(rawValue: try container.decode(String.self))"),
                .if(
                    condition: "case .\(Self.unknownCaseName)(let value) = self, decoder.requiresStrictEnums",
                    then: [.throw("DecodingError.dataCorruptedError(in: container, debugDescription: \"'\\(value)' is not a \(definition.name) value\")")],
                    else: nil),
            ])))
        members.append(.function(FunctionDeclaration(
            access: .public, kind: .function("encode"),
            parameters: [FunctionParameter(label: "to", name: "encoder", type: "any Encoder")], isThrowing: true,
            body: [
                .declaration(isLet: false, name: "container", type: nil, value: "encoder.singleValueContainer()"),
                .expression("try container.encode(rawValue)"),
            ])))
        return TypeDeclaration(
            doc: definition.doc, access: .public, kind: .enum, name: definition.name,
            conformances: ["Codable", "Hashable", "Sendable", "CaseIterable", "RawRepresentable", "WireStringConvertible"],
            members: members)
    }

    private func union(_ definition: UnionDefinition) -> TypeDeclaration {
        var members: [Declaration] = definition.alternatives.map {
            .enumCase(EnumCaseDeclaration(name: $0.caseName, associatedValues: [(nil, $0.type.swift)]))
        }
        // Read the value once, then try only the alternatives its JSON kind admits.
        var decodeBody: [Statement] = [
            .declaration(isLet: true, name: "container", type: nil, value: "try decoder.singleValueContainer()"),
            .declaration(isLet: true, name: "json", type: nil, value: "try container.decode(JSONValue.self)"),
            .declaration(isLet: true, name: "parts", type: nil, value: "JSONValueDecoder(inheriting: decoder)"),
        ]
        for alternative in definition.alternatives {
            let attempt = "let value = try? parts.decode(\(alternative.type.wireSwift).self, from: json)"
            let condition = jsonKind(of: alternative.type).map { "json.admits(.\($0)), \(attempt)" } ?? attempt
            decodeBody.append(.if(
                condition: condition,
                then: [.expression("self = .\(alternative.caseName)(\(alternative.type.fromWire("value")))"), .return(nil)],
                else: nil))
        }
        let expected = definition.alternatives.map(\.caseName).joined(separator: ", ")
        decodeBody.append(.throw("DecodingError.typeMismatch(\(definition.name).self, DecodingError.Context(codingPath: decoder.codingPath, debugDescription: \"Expected one of: \(expected)\"))"))
        members.append(.function(FunctionDeclaration(
            access: .public, kind: .initializer,
            parameters: [FunctionParameter(label: "from", name: "decoder", type: "any Decoder")], isThrowing: true,
            body: decodeBody)))
        members.append(.function(FunctionDeclaration(
            access: .public, kind: .function("encode"),
            parameters: [FunctionParameter(label: "to", name: "encoder", type: "any Encoder")], isThrowing: true,
            body: [
                .declaration(isLet: false, name: "container", type: nil, value: "encoder.singleValueContainer()"),
                .switch(subject: "self", cases: definition.alternatives.map {
                    SwitchCase([".\($0.caseName)(let value)"], [.expression("try container.encode(\($0.type.toWire("value")))")])
                }),
            ])))
        return TypeDeclaration(
            doc: definition.doc, access: .public, kind: .enum, name: definition.name,
            conformances: ["Codable", "Hashable", "Sendable"], members: members)
    }

    /// The JSON kind a type decodes from, or `nil` when it may be any (free-form JSON, unions).
    private func jsonKind(of type: TypeUsage) -> String? {
        switch type {
        case .string, .uuid, .date: return "string"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "bool"
        case .array: return "array"
        case .dictionary: return "object"
        case .json: return nil
        case .named(let name):
            if enumNames.contains(name) { return "string" }
            if structureNames.contains(name) { return "object" }
            return nil
        }
    }

    // MARK: Literals

    /// A Swift literal for a schema default.
    func literal(_ value: RawJSON, as type: TypeUsage, at pointer: JSONPointer) -> String {
        switch (value, type) {
        case (.string(let text), .named(let name)) where enumNames.contains(name):
            guard let values = enumValues[name], values.contains(text) else {
                diagnostics.error("the default '\(text)' is not one of the enum's values", at: pointer.appending("default").description)
                return "nil"
            }
            return ".\(SwiftNaming.lowerCamel(text))"
        case (.string(let text), .string):
            return quoted(text)
        case (.integer(let number), .integer), (.integer(let number), .number):
            return String(number)
        case (.number(let number), .number):
            return String(number)
        case (.bool(let flag), .boolean):
            return String(flag)
        case (.array(let items), .array(let element)):
            return "[" + items.map { literal($0, as: element, at: pointer) }.joined(separator: ", ") + "]"
        case (.object(let members), .dictionary(let element)):
            if members.isEmpty { return "[:]" }
            return "[" + members.map { "\(quoted($0.key)): \(literal($0.value, as: element, at: pointer))" }.joined(separator: ", ") + "]"
        case (_, .json):
            return jsonLiteral(value)
        default:
            diagnostics.error("the default value does not match the property's type \(type.swift)", at: pointer.appending("default").description)
            return "nil"
        }
    }

    private func jsonLiteral(_ value: RawJSON) -> String {
        switch value {
        case .null: return ".null"
        case .bool(let flag): return ".bool(\(flag))"
        case .integer(let number): return ".integer(\(number))"
        case .number(let number): return ".number(\(number))"
        case .string(let text): return ".string(\(quoted(text)))"
        case .array(let items): return ".array([" + items.map(jsonLiteral).joined(separator: ", ") + "])"
        case .object(let members):
            if members.isEmpty { return ".object([:])" }
            return ".object([" + members.map { "\(quoted($0.key)): \(jsonLiteral($0.value))" }.joined(separator: ", ") + "])"
        }
    }
}

/// A Swift string literal for `text`.
func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            if scalar.value < 0x20 {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}

