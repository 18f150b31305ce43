import Foundation
@testable import HandoffRailModels

/// The only way a suite file, case or test may be skipped: an entry here, with its reason.
enum SchemaSuiteSkips {
    struct Entry: Sendable {
        /// `draft2020-12/ref.json`-style file name.
        let file: String
        /// The case description; `nil` skips the whole file.
        let caseDescription: String?
        /// The test description; `nil` skips the whole case.
        let testDescription: String?
        /// Applies only when the suite's `remotes/` directory is absent.
        let onlyWithoutRemotes: Bool
        let reason: String
    }

    static let entries: [Entry] = [
        Entry(file: "draft2020-12/refRemote.json", caseDescription: nil, testDescription: nil, onlyWithoutRemotes: true,
              reason: "needs the suite's remotes/ directory (http://localhost:1234/...), which this copy of the suite does not ship (see its SOURCE.md)"),
        Entry(file: "draft7/refRemote.json", caseDescription: nil, testDescription: nil, onlyWithoutRemotes: true,
              reason: "needs the suite's remotes/ directory (http://localhost:1234/...), which this copy of the suite does not ship (see its SOURCE.md)"),
    ]

    /// The entry skipping the whole file, if any.
    static func fileEntry(file: SchemaSuiteFile, remotesLoaded: Bool) -> Entry? {
        entries.first { entry in
            entry.file == file.testDescription && entry.caseDescription == nil && (!entry.onlyWithoutRemotes || !remotesLoaded)
        }
    }

    /// The entry skipping a whole case (`testDescription == nil`) or a single test, if any.
    static func entry(file: SchemaSuiteFile, caseDescription: String, testDescription: String?, remotesLoaded: Bool) -> Entry? {
        entries.first { entry in
            guard entry.file == file.testDescription, !entry.onlyWithoutRemotes || !remotesLoaded else { return false }
            if let testDescription {
                return entry.caseDescription == caseDescription && entry.testDescription == testDescription
            }
            return (entry.caseDescription == nil || entry.caseDescription == caseDescription) && entry.testDescription == nil
        }
    }
}

/// Used only when the suite copy has no `remotes/` directory: the five small upstream remote
/// documents that files other than `refRemote.json` reference (`draft2020-12/dynamicRef.json` and
/// `draft2020-12/vocabulary.json`), reproduced from json-schema-org/JSON-Schema-Test-Suite
/// `remotes/draft2020-12/` (MIT licence) so those cases run instead of being skipped.
enum SchemaSuiteRemoteFallbacks {
    static let documents: [String: JSONValue] = [
        "http://localhost:1234/draft2020-12/tree.json": [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "http://localhost:1234/draft2020-12/tree.json",
            "$dynamicAnchor": "node",
            "type": "object",
            "properties": [
                "data": true,
                "children": ["type": "array", "items": ["$dynamicRef": "#node"]],
            ],
        ],
        "http://localhost:1234/draft2020-12/extendible-dynamic-ref.json": [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "http://localhost:1234/draft2020-12/extendible-dynamic-ref.json",
            "type": "object",
            "properties": [
                "elements": ["type": "array", "items": ["$dynamicRef": "#elements"]],
            ],
            "required": ["elements"],
            "additionalProperties": false,
            "$defs": [
                "elements": ["$dynamicAnchor": "elements"],
            ],
        ],
        "http://localhost:1234/draft2020-12/detached-dynamicref.json": [
            "$id": "http://localhost:1234/draft2020-12/detached-dynamicref.json",
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$defs": [
                "foo": ["$dynamicRef": "#detached"],
                "detached": ["$dynamicAnchor": "detached", "type": "integer"],
            ],
        ],
        "http://localhost:1234/draft2020-12/metaschema-no-validation.json": [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "http://localhost:1234/draft2020-12/metaschema-no-validation.json",
            "$vocabulary": [
                "https://json-schema.org/draft/2020-12/vocab/applicator": true,
                "https://json-schema.org/draft/2020-12/vocab/core": true,
            ],
            "$dynamicAnchor": "meta",
            "allOf": [
                ["$ref": "https://json-schema.org/draft/2020-12/meta/applicator"],
                ["$ref": "https://json-schema.org/draft/2020-12/meta/core"],
            ],
        ],
        "http://localhost:1234/draft2020-12/metaschema-optional-vocabulary.json": [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "http://localhost:1234/draft2020-12/metaschema-optional-vocabulary.json",
            "$vocabulary": [
                "https://json-schema.org/draft/2020-12/vocab/validation": true,
                "https://json-schema.org/draft/2020-12/vocab/core": true,
                "http://localhost:1234/draft/2020-12/vocab/custom": false,
            ],
            "$dynamicAnchor": "meta",
            "allOf": [
                ["$ref": "https://json-schema.org/draft/2020-12/meta/validation"],
                ["$ref": "https://json-schema.org/draft/2020-12/meta/core"],
            ],
        ],
    ]
}
