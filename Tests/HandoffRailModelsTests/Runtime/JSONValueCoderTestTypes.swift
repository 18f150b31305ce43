import Foundation
@testable import HandoffRailModels

/// A schema object with `additionalProperties`: `name` is declared, anything else is kept.
struct OpenRecord: Codable, Equatable {
    var name: String
    var extra: [String: JSONValue]

    enum CodingKeys: String, CodingKey { case name }

    init(name: String, extra: [String: JSONValue]) {
        self.name = name
        self.extra = extra
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        extra = try AdditionalProperties.decode(from: decoder, declared: ["name"])
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try AdditionalProperties.encode(extra, to: encoder)
    }
}

/// Uses nested keyed and unkeyed containers in both directions:
/// `{"point": {"x": 1, "y": 2.5}, "pairs": [[1, "a"], {"k": true}]}`.
struct NestedShape: Codable, Equatable {
    var x: Int
    var y: Double
    var first: Int
    var label: String
    var flag: Bool

    enum CodingKeys: String, CodingKey { case point, pairs }
    enum PointKeys: String, CodingKey { case x, y }
    enum FlagKeys: String, CodingKey { case k }

    init(x: Int, y: Double, first: Int, label: String, flag: Bool) {
        (self.x, self.y, self.first, self.label, self.flag) = (x, y, first, label, flag)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let point = try container.nestedContainer(keyedBy: PointKeys.self, forKey: .point)
        x = try point.decode(Int.self, forKey: .x)
        y = try point.decode(Double.self, forKey: .y)
        var pairs = try container.nestedUnkeyedContainer(forKey: .pairs)
        var pair = try pairs.nestedUnkeyedContainer()
        first = try pair.decode(Int.self)
        label = try pair.decode(String.self)
        flag = try pairs.nestedContainer(keyedBy: FlagKeys.self).decode(Bool.self, forKey: .k)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var point = container.nestedContainer(keyedBy: PointKeys.self, forKey: .point)
        try point.encode(x, forKey: .x)
        var pairs = container.nestedUnkeyedContainer(forKey: .pairs)
        var pair = pairs.nestedUnkeyedContainer()
        try pair.encode(first)
        try pair.encode(label)
        var flags = pairs.nestedContainer(keyedBy: FlagKeys.self)
        try flags.encode(flag, forKey: .k)
        try point.encode(y, forKey: .y)  // after its siblings: nested containers are filled in late
    }
}

/// A subclass-style value: `base` goes through `superEncoder()`/`superDecoder()`,
/// `parent` through `superEncoder(forKey:)`, `items[0]` through the unkeyed `superEncoder()`.
struct SuperShape: Codable, Equatable {
    var base: AgentInfo
    var parent: Int
    var item: String

    enum CodingKeys: String, CodingKey { case parent, items }

    init(base: AgentInfo, parent: Int, item: String) {
        (self.base, self.parent, self.item) = (base, parent, item)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        base = try AgentInfo(from: container.superDecoder())
        parent = try Int(from: container.superDecoder(forKey: .parent))
        var items = try container.nestedUnkeyedContainer(forKey: .items)
        item = try String(from: items.superDecoder())
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try base.encode(to: container.superEncoder())
        try parent.encode(to: container.superEncoder(forKey: .parent))
        var items = container.nestedUnkeyedContainer(forKey: .items)
        try item.encode(to: items.superEncoder())
    }
}

/// Writes `key` twice, and an optional member both as `nil` and as a value.
struct TwiceWritten: Encodable {
    enum CodingKeys: String, CodingKey { case key, other }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("first", forKey: .key)
        try container.encode(1, forKey: .other)
        try container.encode(2.0, forKey: .key)
        var again = encoder.container(keyedBy: CodingKeys.self)
        try again.encodeNil(forKey: .other)
    }
}

/// Encodes nothing at all.
struct Silent: Encodable {
    func encode(to encoder: any Encoder) throws {}
}

/// Encodes `Double` readings that may be non-finite, inside an array.
struct Readings: Encodable {
    var readings: [Double]
}
