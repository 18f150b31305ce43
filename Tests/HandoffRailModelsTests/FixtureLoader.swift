import Foundation
@testable import HandoffRailModels

/// Reads the realistic wire documents in `Fixtures/`.
enum FixtureLoader {
    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(name).json"])
        }
        return try Data(contentsOf: url)
    }

    static func json(_ name: String) throws -> JSONValue {
        try JSONValue(parsing: data(name))
    }
}

extension JSONValue {
    /// The same JSON with integral doubles folded into integers (`2.0 == 2`, as in JSON) and
    /// `null` members dropped: the server writes nullable members as `null` (as FastAPI
    /// does) where a hand-written document may leave them out; both mean "no value".
    var normalizedForComparison: JSONValue {
        droppingNullMembers.foldingIntegralNumbers
    }

    /// Integral doubles as integers, as Foundation's coders write them.
    var foldingIntegralNumbers: JSONValue {
        switch self {
        case .number(let value) where value.rounded() == value && abs(value) < 1e15: return .integer(Int(value))
        case .array(let items): return .array(items.map(\.foldingIntegralNumbers))
        case .object(let members): return .object(members.mapValues(\.foldingIntegralNumbers))
        default: return self
        }
    }

    /// The same JSON without `null` object members (the server writes them, documents may
    /// leave them out); numbers are left exactly as they are.
    var droppingNullMembers: JSONValue {
        switch self {
        case .array(let items): return .array(items.map(\.droppingNullMembers))
        case .object(let members): return .object(members.filter { !$0.value.isNull }.mapValues(\.droppingNullMembers))
        default: return self
        }
    }

    /// The path of the first difference between two values, for readable failures.
    func firstDifference(from other: JSONValue, path: String = "$") -> String? {
        switch (self, other) {
        case (.object(let left), .object(let right)):
            for key in Set(left.keys).union(right.keys).sorted() {
                guard let l = left[key], let r = right[key] else {
                    return "\(path).\(key): \(left[key].map { "\($0)" } ?? "absent") vs \(right[key].map { "\($0)" } ?? "absent")"
                }
                if let difference = l.firstDifference(from: r, path: "\(path).\(key)") { return difference }
            }
            return nil
        case (.array(let left), .array(let right)):
            guard left.count == right.count else { return "\(path): \(left.count) vs \(right.count) elements" }
            for (index, pair) in zip(left, right).enumerated() {
                if let difference = pair.0.firstDifference(from: pair.1, path: "\(path)[\(index)]") { return difference }
            }
            return nil
        default:
            return self == other ? nil : "\(path): \(self) vs \(other)"
        }
    }
}
