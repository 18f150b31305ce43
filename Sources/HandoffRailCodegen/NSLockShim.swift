import Foundation

/// `NSLock` with a scoped `withLock`, so the generator needs no other concurrency dependency.
struct NSLockShim: Sendable {
    private let lock = NSLock()

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
