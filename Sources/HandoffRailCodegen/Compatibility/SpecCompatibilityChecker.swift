import OpenAPIKit

/// Compares two versions of the OpenAPI spec and lists what changed, classified
/// by whether existing clients (or code written against the generated SDK) break.
///
/// Contributors change `spec/handoffrail.yaml`; `handoffrail-codegen diff OLD NEW`
/// runs this checker so that reviews catch wire-compatibility breaks before
/// they ship. Direction matters: request schemas are what clients send,
/// response schemas what they receive, so tightening a request constraint
/// breaks clients while tightening a response constraint does not (and the
/// reverse for loosening). A schema reachable from both is checked both ways.
///
/// Component schemas, parameters, responses and request bodies are followed
/// through `$ref`, and a change to a shared component is reported once, at the
/// component (`#/components/schemas/Packet/properties/status`). Purely textual
/// edits (descriptions, summaries, titles, examples) are not reported.
///
/// ```swift
/// let changes = SpecCompatibilityChecker().changes(from: oldDocument, to: newDocument)
/// for change in changes where change.severity == .breaking {
///     print(change) // [breaking] #/paths/~1api~1v1~1packets/post: operation POST ...
/// }
/// ```
package struct SpecCompatibilityChecker: Sendable {

    /// Creates a checker.
    package init() {}

    /// Lists the changes from `old` to `new`.
    /// - Parameters:
    ///   - old: The spec existing clients were built against.
    ///   - new: The proposed spec.
    /// - Returns: The changes without duplicates, ordered by location, then message.
    package func changes(from old: OpenAPI.Document, to new: OpenAPI.Document) -> [SpecChange] {
        var comparison = SpecComparison(from: old, to: new)
        return comparison.run()
    }
}
