import HandoffRailModels

/// Deterministic random JSON Schemas for the differential check of ``StrictJSONSchema``
/// against the SDK (`ensure_strict_json_schema`, in check_tool_schemas.py): objects open and
/// closed, arrays, `anyOf`/`oneOf`, singleton and plural `allOf`, `$ref`s with and without
/// siblings (constraining ones too), self-referencing and missing definitions, `default: null`.
struct RandomSchemaCorpus {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    private mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    private mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func schemas(_ count: Int) -> [JSONValue] { (0..<count).map { _ in root() } }

    private mutating func root() -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for index in 0..<int(1...3) { properties["r\(index)"] = schema(3) }
        let definitions: JSONValue = [
            "A": unit() < 0.15 ? ["$ref": "#/$defs/A", "description": "self"] : schema(2),
            "B": ["type": "object", "properties": ["q": schema(1)]],
        ]
        if unit() < 0.1, case .object(var other) = schema(3) {
            other["$defs"] = definitions
            return .object(other)
        }
        return ["type": "object", "properties": .object(properties), "$defs": definitions]
    }

    private mutating func leaf() -> JSONValue {
        pick([["type": "string"], ["type": "integer", "minimum": 1], ["type": "boolean", "default": nil],
              ["type": ["string", "null"]], ["enum": ["x", "y"]], [:]])
    }

    private mutating func reference() -> JSONValue {
        var node: [String: JSONValue] = ["$ref": .string("#/$defs/" + (unit() < 0.05 ? "Missing" : pick(["A", "B"])))]
        let sibling = unit()
        if sibling < 0.4 { node["description"] = "mine" } else if sibling < 0.5 { node["minLength"] = 2 } else if sibling < 0.6 { node["default"] = nil }
        return .object(node)
    }

    private mutating func schema(_ depth: Int) -> JSONValue {
        guard depth > 0 else { return leaf() }
        let choice = unit()
        if choice < 0.3 {
            var node: [String: JSONValue] = [:]
            if unit() < 0.8 { node["type"] = pick(["object", "object", ["object", "null"], ["object"]]) }
            var properties: [String: JSONValue] = [:]
            for index in 0..<int(0...3) { properties["p\(index)"] = schema(depth - 1) }
            if unit() < 0.9 { node["properties"] = .object(properties) }
            if !properties.isEmpty, unit() < 0.5 {
                node["required"] = .array(properties.keys.sorted().filter { _ in unit() < 0.5 }.map { .string($0) })
            }
            let additional = unit()
            if additional < 0.1 { node["additionalProperties"] = true } else if additional < 0.15 { node["additionalProperties"] = [:] } else if additional < 0.4 { node["additionalProperties"] = false }
            return .object(node)
        }
        if choice < 0.45 { return ["type": "array", "items": schema(depth - 1)] }
        if choice < 0.55 { return ["anyOf": .array((0..<int(1...3)).map { _ in schema(depth - 1) })] }
        if choice < 0.62 {
            var node: [String: JSONValue] = ["oneOf": .array((0..<int(1...2)).map { _ in schema(depth - 1) })]
            if unit() < 0.3 { node["anyOf"] = [leaf()] }
            return .object(node)
        }
        if choice < 0.72 {
            let entry = unit() < 0.66 ? reference() : schema(depth - 1)
            var node: [String: JSONValue] = ["allOf": unit() < 0.8 ? [entry] : [entry, schema(depth - 1)]]
            if unit() < 0.4 { node["description"] = "parent" }
            if unit() < 0.3 { node["type"] = "object" }
            if unit() < 0.2 { node["additionalProperties"] = false }
            return .object(node)
        }
        if choice < 0.85 { return reference() }
        return leaf()
    }
}
