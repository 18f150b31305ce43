import Foundation
import HandoffRailModels
import Testing

/// keys, tenants, schemas, hooks and audit through the binary: each command's answer in JSON,
/// its effect visible to the next command.
@Suite("admin commands against a live server", .serialized)
struct AdminCommandsTests {
    @Test("keys: create (quiet prints the key), use it, list, rotate, revoke")
    func keys() async throws {
        try await HandoffRailServerProcess.withServer { server in
            let created = try await CLI.run(["keys", "create", "--name", "ci", "--role", "reader", "--quiet"], server: server)
            #expect(created.status == 0, "\(created)")
            let readerKey = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(readerKey.hasPrefix("hr_"))
            #expect(try await CLI.run(["packets", "list", "--api-key", readerKey], server: server).status == 0)
            let denied = try await CLI.run(["packets", "create", "--from", "a", "--to", "b", "--summary", "no", "--api-key", readerKey], server: server)
            #expect(denied.status == 1)
            #expect(denied.stderr.contains("permission"), "\(denied)")

            let listed = try await CLI.run(["keys", "list", "--format", "json"], server: server)
            let keys = try listed.decode([ApiKey].self)
            let key = try #require(keys.first { $0.name == "ci" })
            #expect(key.role == .reader)
            #expect(key.keyPrefix == String(readerKey.prefix(8)))

            let rotated = try await CLI.run(["keys", "rotate", key.id.uuidString, "--format", "json"], server: server)
            let replacement = try rotated.decode(ApiKeyCreated.self)
            #expect(replacement.name.contains("rotated"))
            #expect(try await CLI.run(["packets", "list", "--api-key", readerKey], server: server).status == 1, "the old key is revoked")
            let revoked = try await CLI.run(["keys", "revoke", replacement.id.uuidString], server: server)
            #expect(revoked.status == 0, "\(revoked)")
            #expect(try await CLI.run(["packets", "list", "--api-key", replacement.key], server: server).status == 1)
        }
    }

    @Test("tenants: create, get, update, list, delete")
    func tenants() async throws {
        try await HandoffRailServerProcess.withServer { server in
            let created = try await CLI.run(["tenants", "create", "--name", "acme", "--tier", "pro", "--format", "json"], server: server)
            let tenant = try created.decode(Tenant.self)
            #expect(tenant.tier == .pro)
            let updated = try await CLI.run(["tenants", "update", tenant.id, "--handoffs-per-day", "42", "--format", "json"], server: server)
            #expect(try updated.decode(Tenant.self).handoffsPerDay == 42)
            let listed = try await CLI.run(["tenants", "list", "--quiet"], server: server)
            #expect(listed.stdout.split(separator: "\n").map(String.init).contains(tenant.id))
            #expect(try await CLI.run(["tenants", "delete", tenant.id], server: server).status == 0)
            let gone = try await CLI.run(["tenants", "get", tenant.id], server: server)
            #expect(gone.status == 1)
            #expect(gone.stderr.contains("notFound"), "\(gone)")
        }
    }

    @Test("schemas: register from a file, a violating packet is refused, list and get")
    func schemas() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let schemaFile = directory.url.appendingPathComponent("ticket.json")
        try Data(#"{"type": "object", "required": ["ticket"], "properties": {"ticket": {"type": "string"}}}"#.utf8).write(to: schemaFile)
        try await HandoffRailServerProcess.withServer { server in
            let registered = try await CLI.run(["schemas", "register", "--name", "ticket", "--file", schemaFile.path, "--format", "json"], server: server)
            let schema = try registered.decode(RegisteredSchema.self)
            #expect(schema.name == "ticket")
            let violating = try await CLI.run([
                "packets", "create", "--from", "a", "--to", "b", "--summary", "s", "--custom", "ticket=42", "--schema-id", schema.id.uuidString,
            ], server: server)
            #expect(violating.status == 1)
            #expect(violating.stderr.contains("validation failed"), "\(violating)")
            let valid = try await CLI.run([
                "packets", "create", "--from", "a", "--to", "b", "--summary", "s", "--custom", #"ticket="T-1""#, "--schema-id", schema.id.uuidString,
            ], server: server)
            #expect(valid.status == 0, "\(valid)")
            let listed = try await CLI.run(["schemas", "list", "--format", "json"], server: server)
            #expect(try listed.decode(SchemaList.self).schemas.map(\.id) == [schema.id])
            let fetched = try await CLI.run(["schemas", "get", schema.id.uuidString], server: server)
            #expect(fetched.stdout.contains(#""ticket""#), "\(fetched)")
        }
    }

    @Test("hooks: add with a generated secret, list, remove; dlq and audit answer")
    func hooksAndAudit() async throws {
        try await HandoffRailServerProcess.withServer { server in
            let added = try await CLI.run(
                ["hooks", "add", "--url", "https://receiver.invalid/hook", "--event", "packet.created", "--format", "json"], server: server)
            #expect(added.status == 0, "\(added)")
            let json = try #require(added.json)
            #expect(json["secret"]?.stringValue?.count == 64, "the generated secret is shown once")
            let id = try #require(json["id"]?.stringValue)
            let listed = try await CLI.run(["hooks", "list", "--format", "json"], server: server)
            #expect(try listed.decode([Webhook].self).map(\.id.uuidString).map { $0.lowercased() } == [id])
            #expect(try await CLI.run(["hooks", "remove", id], server: server).status == 0)
            let inactive = try await CLI.run(["hooks", "list", "--format", "json"], server: server)
            #expect(try inactive.decode([Webhook].self).first?.active == false)
            let again = try await CLI.run(["hooks", "remove", id], server: server)
            #expect(again.status == 1, "a second removal is a conflict")
            #expect(try await CLI.run(["hooks", "dlq", "--format", "json"], server: server).decode([WebhookDelivery].self).isEmpty)

            let created = try await CLI.run(["packets", "create", "--from", "a", "--to", "b", "--summary", "audited", "-q"], server: server)
            let packetID = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let audit = try await CLI.run(["audit", "--packet-id", packetID, "--format", "json"], server: server)
            let entries = try audit.decode(AuditList.self).entries
            #expect(entries.map(\.action) == ["created"])
        }
    }
}
