import Foundation
import HandoffRailModels

/// Client-side request-body validation that mirrors the server's `RequestReader.jsonBody`:
/// the JSON is checked against the type's schema with the generated validator, every issue
/// gets the `body` prefix, and a valid document is decoded with strict enums.
enum PacketValidation {
    /// The JSON `encode` returns, validated against `T`'s schema and decoded; otherwise a
    /// validation ``HandoffRailError`` listing `extraIssues` followed by the schema's issues.
    static func validatedBody<T: Decodable & SpecValidatable>(
        _ type: T.Type, encode: () throws -> JSONValue, extraIssues: [ValidationIssue] = [], operationID: String
    ) throws -> T {
        let json: JSONValue
        do {
            json = try encode()
        } catch {
            throw HandoffRailError.validation([unencodable(error)], operationID: operationID)
        }
        let issues = extraIssues + T.validate(json).map { $0.underBody }
        guard issues.isEmpty else {
            throw HandoffRailError.validation(issues, operationID: operationID)
        }
        var decoder = JSONValueDecoder()
        decoder.userInfo[.handoffRailStrictEnums] = true
        do {
            return try decoder.decode(T.self, from: json)
        } catch {
            // The schema accepted what the type cannot hold: reported as the server reports it.
            let issue = ValidationIssue(type: "model_type", loc: [.key("body")], msg: "Input could not be decoded: \(error)", input: .null)
            throw HandoffRailError.validation([issue], operationID: operationID)
        }
    }

    /// The issue for a builder whose sections cannot be encoded at all (e.g. a non-finite
    /// number in a typed field).
    private static func unencodable(_ error: any Error) -> ValidationIssue {
        ValidationIssue(type: "value_error", loc: [.key("body")], msg: "Value error, the packet cannot be encoded: \(error)", input: .null)
    }
}

extension ValidationIssue {
    /// The issue located under `body`, as the server reports request-body issues.
    var underBody: ValidationIssue {
        var copy = self
        copy.loc = [.key("body")] + loc
        return copy
    }

    /// pydantic's issue for a member the request type does not accept.
    static func extraForbidden(_ member: String, input: JSONValue) -> ValidationIssue {
        ValidationIssue(type: "extra_forbidden", loc: [.key("body"), .key(member)], msg: "Extra inputs are not permitted", input: input)
    }
}
