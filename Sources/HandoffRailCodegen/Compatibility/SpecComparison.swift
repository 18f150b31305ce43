import OpenAPIKit

/// The state of one comparison between an old and a new spec: the
/// documents, the changes found so far, and the referenced schemas still to
/// compare.
///
/// ``SpecCompatibilityChecker`` creates one per call. The walk is split by
/// topic into extensions (`SpecComparison+Paths.swift`,
/// `SpecComparison+Operations.swift`, ..., `SpecComparison+Schemas.swift`),
/// the way the generator's translator is split into one file per step.
///
/// Referenced component schemas (`$ref: '#/components/schemas/Packet'`) are
/// not compared where they are used. Each use records the directions it is
/// used in, and every referenced pair is compared once, at its component
/// location, with the union of those directions. This reports each change
/// once, classifies a schema used by both requests and responses both ways,
/// and terminates on recursive schemas.
struct SpecComparison: Sendable {

    /// A referenced schema in the old spec and the schema referenced at the
    /// same place in the new spec.
    struct SchemaPair: Hashable, Sendable {

        /// The reference in the old spec.
        var old: JSONReference<JSONSchema>

        /// The reference in the new spec.
        var new: JSONReference<JSONSchema>
    }

    /// The spec clients were built against.
    let oldDocument: OpenAPI.Document

    /// The proposed spec.
    let newDocument: OpenAPI.Document

    /// Resolves references in the old spec.
    let old: SpecComponentResolver

    /// Resolves references in the new spec.
    let new: SpecComponentResolver

    /// The changes found so far, unsorted and possibly with duplicates
    /// (a shared component reached from several operations).
    private(set) var changes: [SpecChange] = []

    /// Every referenced schema pair seen so far, with the directions it is used in.
    private var schemaPairUsage: [SchemaPair: SpecSchemaUsage] = [:]

    /// Creates a comparison of two documents.
    init(from oldDocument: OpenAPI.Document, to newDocument: OpenAPI.Document) {
        self.oldDocument = oldDocument
        self.newDocument = newDocument
        self.old = SpecComponentResolver(components: oldDocument.components)
        self.new = SpecComponentResolver(components: newDocument.components)
    }

    /// Runs the whole comparison.
    /// - Returns: The changes, without duplicates, in deterministic order.
    mutating func run() -> [SpecChange] {
        comparePaths()
        compareReferencedSchemas()
        return Set(changes).sorted()
    }

    /// Records a change whose severity does not depend on direction.
    /// - Parameters:
    ///   - severity: Whether the change breaks clients.
    ///   - pointer: Where the change is (the old spec for removals).
    ///   - message: What changed and why it matters.
    mutating func record(_ severity: SpecChange.Severity, at pointer: SpecPointer, _ message: String) {
        changes.append(SpecChange(severity: severity, location: pointer.description, message: message))
    }

    /// Records a change whose severity depends on the directions the
    /// schema is used in.
    ///
    /// The change is breaking when it breaks a direction in `usage`; the
    /// message is the change followed by the reason for its classification.
    /// - Parameters:
    ///   - change: What changed, for example `enum value 'draft' was removed`.
    ///   - pointer: Where the change is.
    ///   - usage: The directions the schema is used in.
    ///   - breaksRequests: Why the change breaks clients sending the schema,
    ///     or `nil` when it does not.
    ///   - breaksResponses: Why the change breaks clients receiving the
    ///     schema, or `nil` when it does not.
    ///   - otherwise: Why the change is safe when it breaks no used direction.
    mutating func record(
        _ change: String,
        at pointer: SpecPointer,
        usage: SpecSchemaUsage,
        breaksRequests: String? = nil,
        breaksResponses: String? = nil,
        otherwise: String
    ) {
        if usage.contains(.request), let reason = breaksRequests {
            record(.breaking, at: pointer, "\(change); \(reason)")
        } else if usage.contains(.response), let reason = breaksResponses {
            record(.breaking, at: pointer, "\(change); \(reason)")
        } else {
            record(.nonBreaking, at: pointer, "\(change); \(otherwise)")
        }
    }

    /// Notes that a referenced schema pair is used in the given directions;
    /// the pair is compared by ``compareReferencedSchemas()``.
    mutating func noteReferencedSchemas(_ pair: SchemaPair, usage: SpecSchemaUsage) {
        schemaPairUsage[pair, default: []].formUnion(usage)
    }

    /// Compares every referenced schema pair with the union of the
    /// directions it is used in, until no pair gains a new direction.
    ///
    /// Comparing a pair can reach further pairs (or widen the usage of one
    /// already compared), so this iterates to a fixed point. A pair is
    /// compared again only when its usage grows, and then its earlier
    /// results are replaced; usage only grows, so the loop terminates, and
    /// the result does not depend on iteration order.
    mutating func compareReferencedSchemas() {
        let outerChanges = changes
        var comparedUsage: [SchemaPair: SpecSchemaUsage] = [:]
        var results: [SchemaPair: [SpecChange]] = [:]
        while let (pair, usage) = schemaPairUsage.first(where: { comparedUsage[$0.key] != $0.value }) {
            comparedUsage[pair] = usage
            changes = []
            compareSchemaPair(pair, usage: usage)
            results[pair] = changes
        }
        changes = outerChanges + results.values.joined()
    }

    /// Compares the two component schemas of a referenced pair at their
    /// component locations.
    private mutating func compareSchemaPair(_ pair: SchemaPair, usage: SpecSchemaUsage) {
        guard
            let oldName = SpecComponentResolver.componentName(of: pair.old),
            let newName = SpecComponentResolver.componentName(of: pair.new),
            let oldKey = OpenAPI.ComponentKey(rawValue: oldName),
            let oldSchema = oldDocument.components.schemas[oldKey]
        else {
            // The old spec is taken as given: a dangling reference in it has
            // nothing to compare against.
            return
        }
        let newPointer = SpecPointer.component("schemas", newName)
        guard let newKey = OpenAPI.ComponentKey(rawValue: newName), let newSchema = newDocument.components.schemas[newKey] else {
            record(.breaking, at: newPointer, "referenced schema '\(newName)' does not exist in the new spec; nothing can be decoded against it")
            return
        }
        compareSchemas(
            oldSchema,
            newSchema,
            at: SpecPointerPair(old: .component("schemas", oldName), new: newPointer),
            usage: usage
        )
    }
}
