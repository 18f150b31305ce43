import ArgumentParser
import Foundation
import HandoffRailModels

/// `handoffrail operations`: the operations of the spec this binary was generated from.
struct OperationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operations",
        abstract: "List the API operations (method, path, minimum role) generated from spec/handoffrail.yaml.")

    func run() {
        let rows = Operations.all.map { operation in
            [operation.method, operation.path, operation.requiredRole ?? "-", operation.transport ?? "", operation.id]
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let line = zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
            print(line.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression))
        }
        print("\(rows.count) operations")
    }
}
