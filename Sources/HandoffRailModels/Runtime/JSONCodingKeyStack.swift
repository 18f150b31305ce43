/// The coding path of a `JSONValueEncoder`/`JSONValueDecoder` pass, kept as a stack.
///
/// Descending into a member pushes its key and coming back pops it, so walking a tree costs
/// no allocation per value (enum `CodingKeys` and `JSONIndexKey` fit an existential's inline
/// buffer). Containers remember their `depth` and rebuild their `codingPath` from the stack
/// only when someone asks for it, which is mostly when an error is thrown.
///
/// ```swift
/// var stack = JSONCodingKeyStack(base: [])
/// stack.push(AnyCodingKey(stringValue: "metadata"))
/// stack.path(depth: 1).map(\.stringValue)   // ["metadata"]
/// ```
struct JSONCodingKeyStack {
    /// The path above the stack: empty for a top-level pass, the full path of the member for
    /// the coders that `nestedContainer` and `superEncoder`/`superDecoder` hand out.
    let base: [any CodingKey]
    private var keys: [any CodingKey] = []

    init(base: [any CodingKey]) {
        self.base = base
    }

    /// How many keys are pushed.
    var depth: Int { keys.count }

    mutating func push(_ key: any CodingKey) {
        if keys.capacity == 0 { keys.reserveCapacity(16) }  // one allocation for a whole pass
        keys.append(key)
    }

    mutating func pop() { keys.removeLast() }

    /// The coding path of a container created when `depth` keys were pushed.
    func path(depth: Int) -> [any CodingKey] {
        base + keys[..<Swift.min(depth, keys.count)]
    }

    /// The coding path of the member `key` of a container at `depth`.
    func path(depth: Int, appending key: any CodingKey) -> [any CodingKey] {
        var path = self.path(depth: depth)
        path.append(key)
        return path
    }
}

/// The coding key of an array element: `intValue` is the index, `stringValue` its decimal
/// text (as `AnyCodingKey(intValue:)`), so an error path reads `context.artifacts.2.key`.
///
/// ```swift
/// JSONIndexKey(index: 2).stringValue   // "2"
/// ```
struct JSONIndexKey: CodingKey, Sendable {
    let index: Int

    init(index: Int) { self.index = index }

    init?(stringValue: String) {
        guard let index = Int(stringValue) else { return nil }
        self.index = index
    }

    init?(intValue: Int) { self.index = intValue }

    var stringValue: String { String(index) }

    var intValue: Int? { index }
}

extension JSONValue {
    /// How the coders name this kind of value in error messages (as `JSONDecoder` does).
    var codingKindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .integer, .number: return "number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "a dictionary"
        }
    }
}
