import Foundation

/// The mutable state of a `JSONTreeEncoder` pass: the frames of the values under
/// construction, their coding keys, and two scratch stacks of members and elements.
///
/// It lives in one stored property of the encoder and every step (push a member, write a
/// member, finish a value) is one mutating call, so each step costs one dynamic
/// exclusivity check instead of one per array touched. A frame's members and elements sit
/// on top of the scratch stacks while it is written; finishing the frame builds its object
/// or array once, at its final size, and pops them. No user code runs inside these calls.
///
/// ```swift
/// var state = JSONTreeEncoderState(base: [], kind: .object)
/// state.setMember(.integer(1), key: "a")
/// try state.finishRoot()   // .object(["a": .integer(1)])
/// ```
struct JSONTreeEncoderState {
    /// What a frame holds so far.
    enum Kind { case empty, single, object, array }

    /// A value under construction: frame `n` is the value at coding-path depth `n`.
    struct Frame {
        var kind: Kind
        var single: JSONValue = .null
        /// Where the frame's members start in `pairs` and its elements in `items`.
        let pairStart: Int
        let itemStart: Int
        /// Members and elements written through `nestedContainer`/`superEncoder` (rare).
        var pending: JSONTreePendingWrites?

        init(kind: Kind, pairStart: Int, itemStart: Int) {
            self.kind = kind
            self.pairStart = pairStart
            self.itemStart = itemStart
        }
    }

    private(set) var path: JSONCodingKeyStack
    private var frames: [Frame]
    /// Members of the objects under construction, innermost frame's last.
    private var pairs: [(key: String, value: JSONValue)] = []
    /// Elements of the arrays under construction, innermost frame's last.
    private var items: [JSONValue] = []

    init(base: [any CodingKey], kind: Kind) {
        path = JSONCodingKeyStack(base: base)
        frames = []
        frames.reserveCapacity(16)
        frames.append(Frame(kind: kind, pairStart: 0, itemStart: 0))
    }

    /// Index (and coding-path depth) of the frame being written.
    var top: Int { frames.count - 1 }

    /// Whether the root frame has received anything.
    var rootIsEmpty: Bool { frames[0].kind == .empty }

    // MARK: Frames

    /// Makes the top frame a `kind` (starting it over if it held something else) and returns its index.
    mutating func begin(_ kind: Kind) -> Int {
        let index = top
        if frames[index].kind != kind { reset(index, to: kind) }
        return index
    }

    /// Makes the top frame the single value `value`.
    mutating func setSingle(_ value: JSONValue) {
        let index = top
        if frames[index].kind != .empty { reset(index, to: .empty) }
        frames[index].kind = .single
        frames[index].single = value
    }

    /// Starts the top frame over, empty.
    mutating func resetTop() {
        reset(top, to: .empty)
    }

    private mutating func reset(_ index: Int, to kind: Kind) {
        let frame = frames[index]
        if frame.kind == .object || frame.kind == .array { truncate(to: frame) }
        frames[index] = Frame(kind: kind, pairStart: frame.pairStart, itemStart: frame.itemStart)
    }

    private mutating func truncate(to frame: Frame) {
        if pairs.count > frame.pairStart { pairs.removeSubrange(frame.pairStart...) }
        if items.count > frame.itemStart { items.removeSubrange(frame.itemStart...) }
    }

    /// Starts a frame for the member `key`.
    mutating func push(_ key: any CodingKey) {
        path.push(key)
        frames.append(Frame(kind: .empty, pairStart: pairs.count, itemStart: items.count))
    }

    /// Ends the top frame: its value when `finishing`, else (after an error) `.null`, dropping its entries.
    mutating func pop(finishing: Bool) throws -> JSONValue {
        let frame = frames.removeLast()
        path.pop()
        guard finishing else {
            truncate(to: frame)
            return .null
        }
        return try finish(frame)
    }

    /// The value of the root frame; the root starts over empty.
    mutating func finishRoot() throws -> JSONValue {
        let value = try finish(frames[0])
        frames[0] = Frame(kind: .empty, pairStart: 0, itemStart: 0)
        return value
    }

    /// The value of `frame` (the top one, or just popped); its scratch entries are dropped.
    private mutating func finish(_ frame: Frame) throws -> JSONValue {
        switch frame.kind {
        case .empty:
            return .object([:])  // as JSONEncoder: a value that encodes nothing is `{}`
        case .single:
            return frame.single
        case .object:
            defer { truncate(to: frame) }
            let start = frame.pairStart
            var members = [String: JSONValue](minimumCapacity: pairs.count - start)
            for index in start..<pairs.count { members[pairs[index].key] = pairs[index].value }  // a later write wins
            if let pending = frame.pending {
                for write in pending.members where !pairs[write.position...].contains(where: { $0.key == write.key }) {
                    members[write.key] = try write.encoder.finishRoot()
                }
            }
            return .object(members)
        case .array:
            defer { truncate(to: frame) }
            var elements = Array(items[frame.itemStart...])
            if let pending = frame.pending {
                for write in pending.elements { elements[write.index] = try write.encoder.finishRoot() }
            }
            return .array(elements)
        }
    }

    // MARK: Members and elements

    /// Writes `value` as the member `key` of the object on top; a later write wins.
    mutating func setMember(_ value: JSONValue, key: String) {
        if pairs.capacity == 0 { pairs.reserveCapacity(32) }  // one allocation for a whole pass
        pairs.append((key, value))
    }

    /// Appends `value` to the array on top.
    mutating func appendElement(_ value: JSONValue) {
        if items.capacity == 0 { items.reserveCapacity(16) }
        items.append(value)
    }

    /// The number of elements of the array at `index`.
    func elementCount(depth index: Int) -> Int {
        items.count - frames[index].itemStart
    }

    /// Registers `encoder` as the writer of the member `key` of the object at `index`; a
    /// direct write of the same key afterwards wins over it.
    mutating func addPendingMember(_ encoder: JSONTreeEncoder, key: String, depth index: Int) {
        let pending = frames[index].pending ?? JSONTreePendingWrites()
        pending.members.append((key, pairs.count, encoder))
        frames[index].pending = pending
    }

    /// Appends a placeholder to the array at `index`, to be replaced by what `encoder` writes.
    mutating func addPendingElement(_ encoder: JSONTreeEncoder, depth index: Int) {
        let pending = frames[index].pending ?? JSONTreePendingWrites()
        pending.elements.append((elementCount(depth: index), encoder))
        items.append(.null)
        frames[index].pending = pending
    }
}

/// Members and elements of a frame written through `nestedContainer`/`superEncoder`: each
/// has its own encoder, finished when the frame is. `position` is where the member scratch
/// stack stood when the member's encoder was handed out.
final class JSONTreePendingWrites {
    var members: [(key: String, position: Int, encoder: JSONTreeEncoder)] = []
    var elements: [(index: Int, encoder: JSONTreeEncoder)] = []
}
