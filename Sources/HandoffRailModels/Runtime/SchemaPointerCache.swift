import Foundation

/// Programs for `validate(_:at:)` pointers that are not precompiled subschema locations
/// (for example a pointer under a custom member such as `/x-extra/limit`),
/// compiled on first use and then reused by every copy of the validator.
///
/// `@unchecked Sendable` is unavoidable here: the cache is shared mutable state and this target
/// may import Foundation only (so no `Synchronization.Mutex`). Every access to `entries` is made
/// while holding `lock`; compilation itself runs outside the lock.
///
/// ```swift
/// let cache = SchemaPointerCache()
/// let entry = cache.entry(for: "/x-params/limit") { pointer in compile(pointer) }
/// ```
final class SchemaPointerCache: @unchecked Sendable {
    /// A compiled entry point, or the issue explaining why the pointer cannot be used.
    enum Entry: Sendable {
        case found(SchemaProgram, Int32)
        case invalid(ValidationIssue)
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    /// The cached entry for `pointer`, compiling it with `make` on first use.
    func entry(for pointer: String, make: (String) -> Entry) -> Entry {
        lock.lock()
        let cached = entries[pointer]
        lock.unlock()
        if let cached { return cached }
        let made = make(pointer)
        lock.lock()
        defer { lock.unlock() }
        if let raced = entries[pointer] { return raced }
        entries[pointer] = made
        return made
    }
}
