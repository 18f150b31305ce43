/// A member of a PATCH body, where leaving a field out and sending `null` mean different things.
///
/// ```swift
/// var update = PacketUpdate()
/// update.hitl = .null          // clear the checkpoint
/// update.hitl = .absent        // leave it as it is (the default)
/// update.hitl = .value(checkpoint)
/// ```
public enum PatchField<Value> {
    /// Not sent: the stored value stays.
    case absent
    /// Sent as `null`: the stored value is cleared.
    case null
    /// Sent with a value.
    case value(Value)

    /// The value, or `nil` when absent or null.
    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    /// `false` when the field was left out.
    public var isPresent: Bool {
        if case .absent = self { return false }
        return true
    }
}

extension PatchField: Sendable where Value: Sendable {}
extension PatchField: Equatable where Value: Equatable {}
extension PatchField: Hashable where Value: Hashable {}

extension KeyedDecodingContainer {
    /// Decodes a PATCH member, keeping "absent" apart from `null`.
    public func decodePatchField<Wire: Decodable, Value>(
        _ type: Wire.Type, forKey key: Key, _ convert: (Wire) -> Value
    ) throws -> PatchField<Value> {
        guard contains(key) else { return .absent }
        if try decodeNil(forKey: key) { return .null }
        return .value(convert(try decode(Wire.self, forKey: key)))
    }
}

extension KeyedEncodingContainer {
    /// Encodes a PATCH member: nothing when absent, `null` when null.
    public mutating func encodePatchField<Value, Wire: Encodable>(
        _ field: PatchField<Value>, forKey key: Key, _ convert: (Value) -> Wire
    ) throws {
        switch field {
        case .absent: break
        case .null: try encodeNil(forKey: key)
        case .value(let value): try encode(convert(value), forKey: key)
        }
    }
}
