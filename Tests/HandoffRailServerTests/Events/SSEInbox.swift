import AsyncHTTPClient
import Foundation
import HandoffRailModels
import HandoffRailService
import NIOCore
import Synchronization

/// One parsed Server-Sent Events frame.
struct SSEFrame: Sendable, Hashable {
    var id: String?
    var event: String
    var data: String

    var json: JSONValue? { try? JSONValue(parsing: data) }
}

/// Frames of one SSE response, parsed by a reader task and awaited by the test with a generous
/// timeout (a missing frame fails the test instead of hanging it).
final class SSEInbox: Sendable {
    struct TimedOut: Error, CustomStringConvertible {
        var description: String
    }

    private struct State {
        var frames: [SSEFrame] = []
        var consumed = 0
        var finished = false
    }

    private let state = Mutex(State())
    private let arrivals = CommitSignal()

    /// Reads the body to its end, frame by frame.
    func read(_ body: HTTPClientResponse.Body) async throws {
        defer { finish() }
        var pending = ""
        for try await buffer in body {
            pending += String(buffer: buffer)
            while let end = pending.range(of: "\n\n") {
                let block = String(pending[..<end.lowerBound])
                pending.removeSubrange(..<end.upperBound)
                if let frame = Self.parse(block) { append(frame) }
            }
        }
    }

    /// The next frame not yet returned; nil once the stream ended.
    func next(timeout: Duration = .seconds(20)) async throws -> SSEFrame? {
        while true {
            let seen = arrivals.generation
            let outcome: (frame: SSEFrame?, finished: Bool) = state.withLock { state in
                if state.consumed < state.frames.count {
                    defer { state.consumed += 1 }
                    return (state.frames[state.consumed], false)
                }
                return (nil, state.finished)
            }
            if let frame = outcome.frame { return frame }
            if outcome.finished { return nil }
            try await waitForArrival(past: seen, timeout: timeout)
        }
    }

    /// The next frame whose `event` is not `ping` (heartbeats interleave freely).
    func nextNonPing(timeout: Duration = .seconds(20)) async throws -> SSEFrame? {
        while let frame = try await next(timeout: timeout) {
            if frame.event != "ping" { return frame }
        }
        return nil
    }

    /// The next `count` frames that are events (not `connected`, `ping`).
    func events(_ count: Int, timeout: Duration = .seconds(20)) async throws -> [SSEFrame] {
        var frames: [SSEFrame] = []
        while frames.count < count {
            guard let frame = try await nextNonPing(timeout: timeout) else {
                throw TimedOut(description: "the stream ended after \(frames.count) of \(count) events")
            }
            frames.append(frame)
        }
        return frames
    }

    private func waitForArrival(past seen: UInt64, timeout: Duration) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { [arrivals] in await arrivals.wait(past: seen); return true }
            group.addTask { try await Task.sleep(for: timeout); return false }
            defer { group.cancelAll() }
            guard try await group.next() == true else {
                throw TimedOut(description: "no SSE frame within \(timeout)")
            }
        }
    }

    private func append(_ frame: SSEFrame) {
        state.withLock { $0.frames.append(frame) }
        arrivals.announce()
    }

    private func finish() {
        state.withLock { $0.finished = true }
        arrivals.announce()
    }

    static func parse(_ block: String) -> SSEFrame? {
        var frame = SSEFrame(id: nil, event: "message", data: "")
        var dataLines: [Substring] = []
        for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("id: ") { frame.id = String(line.dropFirst(4)) }
            else if line.hasPrefix("event: ") { frame.event = String(line.dropFirst(7)) }
            else if line.hasPrefix("data: ") { dataLines.append(line.dropFirst(6)) }
        }
        guard !dataLines.isEmpty else { return nil }
        frame.data = dataLines.joined(separator: "\n")
        return frame
    }
}
