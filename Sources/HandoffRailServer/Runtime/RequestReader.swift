import Foundation
import HandoffRailModels
import HTTPTypes
import Hummingbird

/// Reads one request's inputs for a generated route, collecting every validation issue so
/// the client gets them all in one 422 (as FastAPI does) before the handler runs.
///
/// Parameters are parsed from their strings (`int_parsing`, `uuid_parsing`, … on failure),
/// then checked against their schema in `SpecSchemas`; the JSON body is parsed (a
/// `json_invalid` issue on malformed JSON), validated against its component schema and
/// decoded with strict enums straight from the parsed value (no second parse).
public struct RequestReader<Context: RequestContext> {
    private var request: Request
    private let context: Context
    private let queryItems: FormQuery
    private(set) var issues: [ValidationIssue] = []

    /// A reader for one request.
    public init(request: Request, context: Context) {
        self.request = request
        self.context = context
        self.queryItems = FormQuery(request.uri.query)
    }

    /// A path parameter, percent-decoded (Hummingbird hands route parameters over as sent).
    public mutating func path<T: WireStringConvertible>(_ name: String, as type: T.Type, schema: String, required: Bool) -> T? {
        guard let raw = context.parameters.get(name) else {
            return read(nil, location: "path", name: name, as: type, schema: schema, required: required)
        }
        guard let decoded = raw.removingPercentEncoding else {
            issues.append(ValidationIssue(type: "string_type", loc: [.key("path"), .key(name)], msg: "Input should be a valid string, invalid percent-encoding", input: .string(raw)))
            return nil
        }
        return read(decoded, location: "path", name: name, as: type, schema: schema, required: required)
    }

    /// A query parameter (the first, when repeated), decoded as a form value.
    public mutating func query<T: WireStringConvertible>(_ name: String, as type: T.Type, schema: String, required: Bool) -> T? {
        read(queryItems.first(name), location: "query", name: name, as: type, schema: schema, required: required)
    }

    /// A header.
    public mutating func header<T: WireStringConvertible>(_ name: String, as type: T.Type, schema: String, required: Bool) -> T? {
        let raw = HTTPField.Name(name).flatMap { request.headers[$0] }
        return read(raw, location: "header", name: name.lowercased(), as: type, schema: schema, required: required)
    }

    private mutating func read<T: WireStringConvertible>(
        _ raw: String?, location: String, name: String, as type: T.Type, schema: String, required: Bool
    ) -> T? {
        guard let raw else {
            if required {
                issues.append(ValidationIssue(type: "missing", loc: [.key(location), .key(name)], msg: "Field required", input: .null))
            }
            return nil
        }
        guard let value = T(wireString: raw) else {
            let problem = T.wireParsingIssue
            issues.append(ValidationIssue(type: problem.type, loc: [.key(location), .key(name)], msg: problem.message, input: .string(raw)))
            return nil
        }
        let found = SpecSchemas.validator.validate(value.wireJSON, at: schema)
        guard found.isEmpty else {
            issues += found.map { $0.prefixed(by: [.key(location), .key(name)]) }
            return nil
        }
        return value
    }

    /// The JSON body, validated against `T`'s schema and decoded; `nil` (with issues) when invalid.
    public mutating func jsonBody<T: Decodable & SpecValidatable>(_ type: T.Type, required: Bool) async throws -> T? {
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else {
            if required {
                issues.append(ValidationIssue(type: "missing", loc: [.key("body")], msg: "Field required", input: .null))
            }
            return nil
        }
        let json: JSONValue
        do {
            json = try JSONValue.parse(buffer.readableBytesView)
        } catch {
            // Malformed JSON stops here: FastAPI reports it alone.
            throw RequestValidationFailure(issues: [error.validationIssue(locationPrefix: [.key("body")])])
        }
        let found = T.validate(json)
        guard found.isEmpty else {
            issues += found.map { $0.prefixed(by: [.key("body")]) }
            return nil
        }
        var decoder = JSONValueDecoder()
        decoder.userInfo[.handoffRailStrictEnums] = true
        do {
            return try decoder.decode(T.self, from: json)
        } catch {
            // The schema accepted what the type cannot hold: a spec/model mismatch, reported, not hidden.
            issues.append(ValidationIssue(type: "model_type", loc: [.key("body")], msg: "Input could not be decoded: \(error)", input: .null))
            return nil
        }
    }

    /// Throws the collected issues as one 422.
    public func finish() throws {
        if !issues.isEmpty { throw RequestValidationFailure(issues: issues) }
    }

    /// A value `finish()` has proven present.
    public func unwrap<T>(_ value: T?) throws -> T {
        guard let value else { throw RequestValidationFailure(issues: issues) }
        return value
    }
}

extension ValidationIssue {
    /// The issue with `prefix` put in front of its location (`body`, `query`, …).
    func prefixed(by prefix: [JSONPathComponent]) -> ValidationIssue {
        var copy = self
        copy.loc = prefix + loc
        return copy
    }
}
