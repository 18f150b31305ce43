import Foundation

/// The `--help` snapshots: one text file per command under `Tests/HandoffRailCLITests/Snapshots/`,
/// compared byte for byte with what the built binary prints (80 columns).
///
/// Re-record after changing a command's flags or texts:
///
/// ```sh
/// HANDOFFRAIL_RECORD_SNAPSHOTS=1 swift test --filter HelpSnapshotTests   # rewrites the files, then fails on purpose
/// swift test --filter HelpSnapshotTests                                  # passes; review and commit the diff
/// ```
enum HelpSnapshots {
    /// Every command path of the binary, the root first.
    static let commands: [[String]] = [
        [],
        ["packets"], ["packets", "create"], ["packets", "get"], ["packets", "list"], ["packets", "claim"],
        ["packets", "update"], ["packets", "complete"], ["packets", "fail"], ["packets", "delete"],
        ["packets", "respond"], ["packets", "history"], ["packets", "chain"], ["packets", "search"],
        ["packets", "awaiting"], ["packets", "batch"],
        ["hooks"], ["hooks", "add"], ["hooks", "list"], ["hooks", "remove"], ["hooks", "deliveries"],
        ["hooks", "dlq"], ["hooks", "replay"],
        ["keys"], ["keys", "create"], ["keys", "list"], ["keys", "revoke"], ["keys", "rotate"],
        ["tenants"], ["tenants", "list"], ["tenants", "get"], ["tenants", "create"], ["tenants", "update"],
        ["tenants", "delete"], ["tenants", "keys"],
        ["schemas"], ["schemas", "register"], ["schemas", "list"], ["schemas", "get"],
        ["rules"], ["rules", "list"], ["rules", "get"], ["rules", "create"], ["rules", "update"], ["rules", "delete"],
        ["audit"], ["events"], ["config"], ["config", "show"], ["mcp"], ["serve"], ["operations"],
    ]

    /// Whether this run records instead of comparing.
    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["HANDOFFRAIL_RECORD_SNAPSHOTS"] == "1"
    }

    /// The snapshot directory in the source tree (next to this file's parent directory).
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Snapshots")
    }

    /// `packets-create.txt`; the root command is `handoffrail.txt`.
    static func file(for command: [String]) -> URL {
        directory.appendingPathComponent((command.isEmpty ? "handoffrail" : command.joined(separator: "-")) + ".txt")
    }
}
