extension JSONValue {
    /// The JSON kind, for code that dispatches on what a value is before decoding it
    /// (generated `oneOf` enums).
    public enum Kind: Sendable, Hashable {
        case null, bool, integer, number, string, array, object
    }

    /// This value's kind; an integral double such as `2.0` is a `.number`.
    public var kind: Kind {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .integer: return .integer
        case .number: return .number
        case .string: return .string
        case .array: return .array
        case .object: return .object
        }
    }

    /// Whether the value can decode as `kind`, with JSON Schema's number rules: an integer is
    /// also a number, and an integral double also an integer.
    public func admits(_ kind: Kind) -> Bool {
        switch (self, kind) {
        case (.integer, .number): return true
        case (.number(let value), .integer): return value.rounded() == value
        default: return self.kind == kind
        }
    }
}

extension JSONValueDecoder {
    /// A decoder for a part of a value that `decoder` first read as a `JSONValue`, with the
    /// same strict-enum setting (`userInfo[.handoffRailStrictEnums]`), the only user info the
    /// generated models read.
    public init(inheriting decoder: any Decoder) {
        self.init()
        if let strict = decoder.userInfo[.handoffRailStrictEnums] as? Bool {
            userInfo[.handoffRailStrictEnums] = strict
        }
    }
}
