import Foundation

/// An `NSLock` lent through a scoped `withLock`.
struct Lock: Sendable {
    private let lock = NSLock()

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
