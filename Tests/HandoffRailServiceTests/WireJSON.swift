import Foundation
import HandoffRailModels

/// The wire JSON of a model, for comparing values as clients see them (timestamps at the
/// microsecond, whatever the last bits of the `Date` doubles).
///
/// ```swift
/// #expect(try wireJSON(fetched) == wireJSON(created))
/// ```
func wireJSON<Value: Encodable>(_ value: Value) throws -> String {
    String(decoding: try HandoffRailJSON.encode(value), as: UTF8.self)
}
