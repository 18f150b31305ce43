import Foundation

/// SchemaAnnotations collected for `unevaluatedProperties`/`unevaluatedItems`.
///
/// Only built when a schema reads them; validation without those keywords never touches it.
///
/// ```swift
/// var annotations = SchemaAnnotations()
/// annotations.properties.insert("id")   // evaluated by `properties`
/// ```
struct SchemaAnnotations {
    var properties: Set<String> = []
    /// Items `0..<itemsPrefix` were evaluated (`Int.max`: all of them).
    var itemsPrefix = 0
    /// Individually evaluated item indices (from `contains`).
    var items: Set<Int> = []

    mutating func merge(_ other: SchemaAnnotations) {
        if !other.properties.isEmpty { properties.formUnion(other.properties) }
        itemsPrefix = max(itemsPrefix, other.itemsPrefix)
        if !other.items.isEmpty { items.formUnion(other.items) }
    }
}
