import Foundation

/// The `Encoder` behind `JSONValueEncoder`: one instance per `encode` call builds the whole
/// tree on a stack of frames (`JSONTreeEncoderState`), one per value under construction.
///
/// Encoding a member pushes a frame and its coding key, runs the member's `encode(to:)`
/// against this same encoder and pops the frame into a finished `JSONValue`, so a member
/// costs no allocation beyond its own object or array storage (and the
/// `KeyedEncodingContainer` box that Codable itself allocates). The encoder is also its own
/// `SingleValueEncodingContainer`. Containers write to the frame on top; like every
/// `Encoder`, they must not be kept after the `encode(to:)` that created them returns.
/// `nestedContainer` and `superEncoder` hand out a separate encoder whose result is put in
/// place when the enclosing value is finished.
///
/// ```swift
/// let encoder = JSONTreeEncoder(userInfo: [:], base: [])
/// let value = try encoder.encodeRoot(["a": 1])   // .object(["a": .integer(1)])
/// ```
final class JSONTreeEncoder: Encoder, SingleValueEncodingContainer {
    let userInfo: [CodingUserInfoKey: Any]
    /// Everything that changes during the pass, behind a single stored property.
    var state: JSONTreeEncoderState

    init(userInfo: [CodingUserInfoKey: Any], base: [any CodingKey], kind: JSONTreeEncoderState.Kind = .empty) {
        self.userInfo = userInfo
        self.state = JSONTreeEncoderState(base: base, kind: kind)
    }

    var codingPath: [any CodingKey] { state.path.path(depth: state.path.depth) }

    /// The coding path of a container at `depth`.
    func path(depth: Int) -> [any CodingKey] { state.path.path(depth: depth) }

    /// The coding path of the member `key` of a container at `depth`.
    func path(depth: Int, appending key: any CodingKey) -> [any CodingKey] { state.path.path(depth: depth, appending: key) }

    // MARK: Encoder

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(JSONTreeKeyedEncodingContainer<Key>(encoder: self, depth: state.begin(.object)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        JSONTreeUnkeyedEncodingContainer(encoder: self, depth: state.begin(.array))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    // MARK: Building values

    /// Encodes a top-level value; a value that encodes nothing is an error, as in `JSONEncoder`.
    func encodeRoot<T: Encodable>(_ value: T) throws -> JSONValue {
        if let boxed = try boxSpecial(value, path: []) { return boxed }
        try value.encode(to: self)
        guard !state.rootIsEmpty else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        return try finishRoot()
    }

    /// Encodes the member `key` of the container at `depth` and returns its tree.
    func encodeMember<T: Encodable>(_ value: T, key: some CodingKey, depth: Int) throws -> JSONValue {
        if let boxed = try boxSpecial(value, path: path(depth: depth, appending: key)) { return boxed }
        state.push(key)
        do {
            try value.encode(to: self)
        } catch {
            _ = try? state.pop(finishing: false)
            throw error
        }
        return try state.pop(finishing: true)
    }

    /// The finished value of a sub-encoder (or of the root frame).
    func finishRoot() throws -> JSONValue {
        try state.finishRoot()
    }

    /// Hands out an encoder for the member `key` of the object at `depth`, filled in when
    /// the object is finished unless the member is written again meanwhile.
    func pendingMember(key: any CodingKey, depth: Int, kind: JSONTreeEncoderState.Kind) -> JSONTreeEncoder {
        let encoder = JSONTreeEncoder(userInfo: userInfo, base: path(depth: depth, appending: key), kind: kind)
        state.addPendingMember(encoder, key: key.stringValue, depth: depth)
        return encoder
    }

    /// Appends a placeholder to the array at `depth` and hands out an encoder for it.
    func pendingElement(depth: Int, kind: JSONTreeEncoderState.Kind) -> JSONTreeEncoder {
        let key = JSONIndexKey(index: state.elementCount(depth: depth))
        let encoder = JSONTreeEncoder(userInfo: userInfo, base: path(depth: depth, appending: key), kind: kind)
        state.addPendingElement(encoder, depth: depth)
        return encoder
    }

    // MARK: SingleValueEncodingContainer

    func encodeNil() { state.setSingle(.null) }
    func encode(_ value: Bool) { state.setSingle(.bool(value)) }
    func encode(_ value: String) { state.setSingle(.string(value)) }
    func encode(_ value: Double) throws { state.setSingle(try boxDouble(value, path: codingPath)) }
    func encode(_ value: Float) throws { state.setSingle(try boxFloat(value, path: codingPath)) }
    func encode(_ value: Int) { state.setSingle(.integer(value)) }
    func encode(_ value: Int8) { state.setSingle(.integer(Int(value))) }
    func encode(_ value: Int16) { state.setSingle(.integer(Int(value))) }
    func encode(_ value: Int32) { state.setSingle(.integer(Int(value))) }
    func encode(_ value: Int64) throws { state.setSingle(try boxInteger(value, path: codingPath)) }
    func encode(_ value: Int128) throws { state.setSingle(try boxInteger(value, path: codingPath)) }
    func encode(_ value: UInt) throws { state.setSingle(try boxInteger(value, path: codingPath)) }
    func encode(_ value: UInt8) { state.setSingle(.integer(Int(value))) }
    func encode(_ value: UInt16) { state.setSingle(.integer(Int(value))) }
    func encode(_ value: UInt32) throws { state.setSingle(try boxInteger(value, path: codingPath)) }
    func encode(_ value: UInt64) throws { state.setSingle(try boxInteger(value, path: codingPath)) }
    func encode(_ value: UInt128) throws { state.setSingle(try boxInteger(value, path: codingPath)) }

    /// Encodes `value` in place of this single value (no new frame: same coding path).
    func encode<T: Encodable>(_ value: T) throws {
        if let boxed = try boxSpecial(value, path: codingPath) {
            state.setSingle(boxed)
            return
        }
        state.resetTop()
        try value.encode(to: self)
    }
}
