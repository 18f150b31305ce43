import Foundation
import HandoffRailModels

/// When a packet addressed to an agent is ready for it, and under which key the stream
/// remembers having yielded it.
///
/// - `created` → `"created:<id>"` (a new handoff);
/// - `claimed` with `hitl.response` set → `"answered:<id>:<responded_at>"` (each human answer
///   is its own key, so a second checkpoint round is yielded again);
/// - anything else → `nil` (not ready).
enum HandoffReadiness {
    static func key(of packet: Packet) -> String? {
        let id = packet.id.uuidString.lowercased()
        switch packet.status {
        case .created:
            return "created:\(id)"
        case .claimed:
            guard let hitl = packet.hitl, hitl.response != nil else { return nil }
            let answeredAt = hitl.respondedAt.map { String($0.timeIntervalSince1970) } ?? "-"
            return "answered:\(id):\(answeredAt)"
        default:
            return nil
        }
    }
}

/// A bounded set of keys: past `capacity`, the oldest inserted are forgotten first.
struct RecentKeys {
    let capacity: Int
    private var members: Set<String> = []
    private var order: [String] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var count: Int { members.count }

    func contains(_ key: String) -> Bool { members.contains(key) }

    mutating func insert(_ key: String) {
        guard members.insert(key).inserted else { return }
        order.append(key)
        if order.count > capacity {
            let overflow = order.count - capacity
            for old in order.prefix(overflow) { members.remove(old) }
            order.removeFirst(overflow)
        }
    }

    /// Forgets every key not in `keys`.
    mutating func retain(only keys: Set<String>) {
        members.formIntersection(keys)
        order.removeAll { !members.contains($0) }
    }
}
