/// One HTTP operation of the spec, in the terms generated code needs.
package struct OperationDefinition: Sendable, Hashable {
    /// `createPacket`.
    package var id: String
    /// `CreatePacket`, the namespace type under `Operations`.
    package var typeName: String
    /// `POST`.
    package var method: String
    /// `/api/v1/packets/{packet_id}/claim`.
    package var path: String
    package var pointer: JSONPointer
    package var summary: String?
    package var doc: [String]
    package var tags: [String]
    /// Minimum role from `x-handoffrail-role`; `nil` for unauthenticated operations.
    package var requiredRole: String?
    package var requiresAuthentication: Bool
    /// `sse` / `websocket` from `x-handoffrail-transport`: served by hand-written code, no generated route.
    package var transport: String?
    package var parameters: [ParameterDefinition]
    package var body: BodyDefinition?
    package var responses: [ResponseDefinition]
    package var tool: ToolExtension?

    /// Operations the generated router and client handle (not SSE/WebSocket).
    package var isGeneratedRoute: Bool { transport == nil }

    /// The first documented 2xx response.
    package var successResponse: ResponseDefinition? {
        responses.first { ($0.status ?? 0) / 100 == 2 }
    }
}

/// A path, query or header parameter.
package struct ParameterDefinition: Sendable, Hashable {
    package enum Location: String, Sendable, Hashable { case path, query, header }

    package var name: String
    package var swiftName: String
    package var location: Location
    package var required: Bool
    package var type: TypeUsage
    package var defaultValue: RawJSON?
    package var doc: [String]
    package var pointer: JSONPointer
    /// The parameter's schema as written (refs not yet rewritten).
    package var rawSchema: RawJSON
}

/// A JSON request body.
package struct BodyDefinition: Sendable, Hashable {
    package var type: TypeUsage
    /// The component schema name when the body is a `$ref` (the usual case).
    package var schemaName: String?
    package var required: Bool
    package var rawSchema: RawJSON
}

/// One documented response.
package struct ResponseDefinition: Sendable, Hashable {
    package enum Content: Sendable, Hashable {
        case none
        case json(TypeUsage, schemaName: String?, rawSchema: RawJSON)
        /// A text body (`text/plain`, `application/yaml`, `text/event-stream`).
        case text(contentType: String)
    }

    /// `nil` for `default`.
    package var status: Int?
    package var caseName: String
    package var doc: [String]
    package var content: Content

    /// The `case` pattern matching this response in a switch over `Output`: `default`
    /// binds its status as `statusCode`; a payload is bound as `payload` or ignored.
    package func outputPattern(bindingPayload: Bool = true) -> String {
        var bindings: [String] = []
        if status == nil { bindings.append("let statusCode") }
        if payloadType != nil {
            // `.ok` matches any payload; `_` is needed only beside a bound status.
            if bindingPayload { bindings.append("let payload") } else if status == nil { bindings.append("_") }
        }
        let name = "." + SwiftNaming.escapeIdentifier(caseName)
        return bindings.isEmpty ? name : "\(name)(\(bindings.joined(separator: ", ")))"
    }

    /// The status as a Swift expression inside a case of `outputPattern()`.
    package var statusExpression: String {
        status.map(String.init) ?? "statusCode"
    }

    /// The Swift type of the payload, if any.
    package var payloadType: String? {
        switch content {
        case .none: return nil
        case .json(let type, _, _): return type.swift
        case .text: return "String"
        }
    }
}

/// `x-handoffrail-tool`: how agents see an operation.
package struct ToolExtension: Sendable, Hashable {
    package var name: String
    package var description: String
    /// Input paths the caller's identity fills (`body.metadata.source_agent`, `query.agent`).
    package var identity: [String]
}
