import Foundation

/// Runs a `SchemaProgram` over one instance, either collecting every issue or stopping at
/// the first failure (`collecting == false`, used by `isValid` and for trial evaluations
/// inside `anyOf`/`oneOf`/`not`/`if`/`contains`).
///
/// Trial evaluations never produce issues; when a union fails, the chosen alternative is
/// evaluated again in collecting mode, so the (rare) failure path pays for details and the
/// common success path does not. The instance path is only maintained while collecting.
///
/// ```swift
/// var evaluator = SchemaEvaluator(program: program, collecting: true)
/// var annotations = SchemaAnnotations()
/// _ = evaluator.evaluate(program.root, instance, &annotations, false)
/// evaluator.issues
/// ```
struct SchemaEvaluator {
    let program: SchemaProgram
    let nodes: [SchemaNode]
    var collecting: Bool
    var issues: [ValidationIssue] = []
    var path: [JSONPathComponent] = []
    var scope: [Int32] = []
    private let tracksScope: Bool
    /// Nesting of `evaluate` calls; bounded so that a schema that recurses without consuming the
    /// instance (`{"anyOf": [{"type": "string"}, {"$ref": "#"}]}` given `1`) fails instead of overflowing the stack.
    private var depth = 0
    /// Set once `maximumDepth` was exceeded; from then on everything fails immediately.
    private(set) var depthExceeded = false
    /// About 1.3 MB of stack in release builds (4.6 MB in debug builds).
    static let maximumDepth = 2_000

    init(program: SchemaProgram, collecting: Bool) {
        self.program = program
        self.nodes = program.nodes
        self.collecting = collecting
        self.tracksScope = program.usesDynamicScope
    }

    // MARK: - Core

    /// Evaluates node `id` against `instance`. With `collect`, annotations for
    /// `unevaluated*` are added to `annotations`.
    mutating func evaluate(_ id: Int32, _ instance: JSONValue, _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        let node = nodes[Int(id)]
        if node.isFalse {
            if collecting { report("false_schema", "No value is allowed here", instance) }
            return false
        }
        if node.keywords.isEmpty { return true }
        if depthExceeded { return false }
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            depthExceeded = true
            return false
        }
        var pushed = false
        if tracksScope && scope.last != node.resource {
            scope.append(node.resource)
            pushed = true
        }
        defer { if pushed { scope.removeLast() } }
        if node.readsAnnotations {
            var local = SchemaAnnotations()
            let valid = run(node.keywords, instance, &local, true)
            if collect { annotations.merge(local) }
            return valid
        }
        return run(node.keywords, instance, &annotations, collect)
    }

    /// Evaluates a subschema against a different instance (a member or an item); its annotations don't concern the caller.
    @inline(__always)
    mutating func evaluateChild(_ id: Int32, _ instance: JSONValue) -> Bool {
        var scratch = SchemaAnnotations()
        return evaluate(id, instance, &scratch, false)
    }

    /// Evaluates `id` in non-collecting (trial) mode, restoring the mode afterwards.
    mutating func trial(_ id: Int32, _ instance: JSONValue, _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        let saved = collecting
        collecting = false
        defer { collecting = saved }
        return evaluate(id, instance, &annotations, collect)
    }

    private mutating func run(_ keywords: [SchemaKeyword], _ instance: JSONValue, _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        var valid = true
        for keyword in keywords where !check(keyword, instance, &annotations, collect) {
            if !collecting { return false }
            valid = false
            if case .type = keyword { return false }  // other keywords would only add noise
        }
        return valid
    }

    // MARK: - Issues

    @inline(never)
    mutating func report(_ type: String, _ message: String, _ input: JSONValue, ctx: [String: JSONValue]? = nil,
                         at component: JSONPathComponent? = nil) {
        var loc = path
        if let component { loc.append(component) }
        issues.append(ValidationIssue(type: type, loc: loc, msg: message, input: input, ctx: ctx))
    }

    @inline(__always)
    mutating func push(_ component: JSONPathComponent) {
        if collecting { path.append(component) }
    }

    @inline(__always)
    mutating func pop() {
        if collecting { path.removeLast() }
    }

    // MARK: - Keywords

    /// Dispatches one keyword. Leaf checks live in `checkValue` (not inlined) so that the frames on the
    /// recursive path (`evaluate` → `check` → applicator → `evaluate`) stay small, even in debug builds.
    private mutating func check(_ keyword: SchemaKeyword, _ instance: JSONValue, _ annotations: inout SchemaAnnotations, _ collect: Bool) -> Bool {
        switch keyword {
        case .properties(let rules): return checkProperties(rules, instance, &annotations, collect)
        case .patternProperties(let rules): return checkPatternProperties(rules, instance, &annotations, collect)
        case .additionalProperties(let node, let known, let patterns):
            return checkAdditionalProperties(node, known: known, patterns: patterns, instance, &annotations, collect)
        case .unevaluatedProperties(let node): return checkUnevaluatedProperties(node, instance, &annotations, collect)
        case .propertyNames(let node): return checkPropertyNames(node, instance)
        case .dependentSchemas(let rules): return checkDependentSchemas(rules, instance, &annotations, collect)
        case .prefixItems(let schemas): return checkPrefixItems(schemas, instance, &annotations, collect)
        case .items(let node, let start): return checkItems(node, from: start, instance, &annotations, collect)
        case .contains(let node, let minimum, let maximum):
            return checkContains(node, min: minimum, max: maximum, instance, &annotations, collect)
        case .unevaluatedItems(let node): return checkUnevaluatedItems(node, instance, &annotations, collect)
        case .ref(let target): return evaluate(target, instance, &annotations, collect)
        case .dynamicRef(let anchor, let fallback): return evaluate(dynamicTarget(anchor, fallback), instance, &annotations, collect)
        case .allOf(let members): return checkAllOf(members, instance, &annotations, collect)
        case .anyOf(let members): return checkAnyOf(members, instance, &annotations, collect)
        case .oneOf(let members): return checkOneOf(members, instance, &annotations, collect)
        case .not(let node): return checkNot(node, instance)
        case .conditional(let condition, let thenNode, let elseNode):
            return checkConditional(condition, then: thenNode, else: elseNode, instance, &annotations, collect)
        default:
            return checkValue(keyword, instance)
        }
    }
}
