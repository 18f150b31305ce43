import Foundation
import HandoffRailModels
import Synchronization

/// Compiled validators of registered schemas, by tenant and schema id, shared by all requests.
///
/// Registered schemas never change (a new version is a new schema with a new id), so an entry
/// never goes stale; the cache only bounds its size, forgetting an arbitrary entry when full
/// (recompiling costs one store read and one compilation).
///
/// ```swift
/// let validator = try cache.validator(for: key) { try JSONSchemaValidator(schema: document, defaultDraft: .draft7) }
/// ```
final class CompiledSchemaCache: Sendable {
    struct Key: Hashable, Sendable {
        var tenantID: String
        var schemaID: UUID
    }

    private let capacity: Int
    private let entries = Mutex<[Key: JSONSchemaValidator]>([:])

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// The cached validator of `key`, or nil.
    func validator(for key: Key) -> JSONSchemaValidator? {
        entries.withLock { $0[key] }
    }

    /// Remembers `validator` for `key`, evicting another entry when the cache is full.
    func store(_ validator: JSONSchemaValidator, for key: Key) {
        entries.withLock { entries in
            if entries[key] == nil, entries.count >= capacity, let victim = entries.keys.first {
                entries.removeValue(forKey: victim)
            }
            entries[key] = validator
        }
    }

    /// How many validators are cached.
    var count: Int {
        entries.withLock { $0.count }
    }
}
