#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// Exit codes scripts rely on: 2 for usage errors, 3 when the server cannot be reached
/// (1 for API errors is covered with the claim conflict), each with one line on stderr.
@Suite("exit codes")
struct ExitCodeTests {
    @Test("usage errors exit 2 with ArgumentParser's message", arguments: [
        ["packets", "get", "not-a-uuid"],
        ["packets", "list", "--format", "xml"],
        ["packets", "frobnicate"],
        ["packets", "create", "--summary", "no agents"],
        ["packets", "create", "--file", "/nonexistent/packet.json"],
        ["packets", "list", "--limit", "500"],
        ["packets", "list", "--quiet", "--verbose"],
    ])
    func usageError(arguments: [String]) async throws {
        let result = try await CLI.run(arguments, environment: ["HANDOFFRAIL_URL": "http://127.0.0.1:9"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.isEmpty)
    }

    @Test("a bad setting is a usage error naming where it came from")
    func badSetting() async throws {
        let result = try await CLI.run(["packets", "list"], environment: ["HANDOFFRAIL_URL": "ftp://example.com"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderr.contains("HANDOFFRAIL_URL"))
    }

    @Test("connection refused exits 3 with one line naming the server")
    func connectionRefused() async throws {
        let port = try Self.closedPort()
        let url = "http://127.0.0.1:\(port)"
        let result = try await CLI.run(["packets", "list", "--server-url", url, "--api-key", "hr_unused_key_0123456789"])
        #expect(result.status == 3, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains(url))
        #expect(!result.stderr.contains("hr_unused_key_0123456789"))
    }

    @Test("an unknown key is an API error: exit 1, authentication")
    func authenticationError() async throws {
        try await HandoffRailServerProcess.withServer { server in
            let result = try await CLI.run(["packets", "list", "--api-key", "hr_not_a_key_0123456789"], server: server)
            #expect(result.status == 1, "\(result)")
            #expect(result.stderr.contains("authentication"))
            #expect(!result.stderr.contains("hr_not_a_key_0123456789"))
        }
    }

    /// A 127.0.0.1 port nothing listens on: bound to get a free number, then closed.
    static func closedPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        #expect(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
