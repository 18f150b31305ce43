import Foundation

// The draft-07 and draft 2020-12 metaschemas (and all 2020-12 vocabulary metaschemas),
// embedded so that `$ref`/`$schema` to them resolve without any network access.
//
// Origin: the JSON Schema specification (json-schema.org, repository json-schema-org/json-schema-spec,
// licensed BSD-3-Clause / AFL-3.0), as redistributed in the Python package `jsonschema-specifications`
// 2025.9.1 (MIT licence, Copyright (c) 2022 Julian Berman), files `schemas/draft7/metaschema.json`,
// `schemas/draft202012/metaschema.json` and `schemas/draft202012/vocabularies/*`. Only whitespace
// was changed.

/// The metaschema documents built into the engine, keyed by their URI (without `#`).
///
/// ```swift
/// EmbeddedMetaschemas.document(for: "http://json-schema.org/draft-07/schema")?["title"]
/// ```
enum EmbeddedMetaschemas {
    /// The parsed document for `uri` (an empty fragment is ignored), or `nil`.
    static func document(for uri: String) -> JSONValue? {
        parsed[uri.hasSuffix("#") ? String(uri.dropLast()) : uri]
    }

    /// Parsed once, on first use (a global `let` is initialised lazily and thread-safely).
    private static let parsed: [String: JSONValue] = sources.mapValues { source in
        do {
            return try JSONValue(parsing: source)
        } catch {
            preconditionFailure("embedded metaschema does not parse: \(error)")
        }
    }

    private static let sources: [String: String] = draft7Sources.merging(draft2020_12Sources) { first, _ in first }

    private static let draft7Sources: [String: String] = [
        "http://json-schema.org/draft-07/schema": ###"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "$id": "http://json-schema.org/draft-07/schema#",
          "title": "Core schema meta-schema",
          "definitions": {
            "schemaArray": {
              "type": "array",
              "minItems": 1,
              "items": {
                "$ref": "#"
              }
            },
            "nonNegativeInteger": {
              "type": "integer",
              "minimum": 0
            },
            "nonNegativeIntegerDefault0": {
              "allOf": [
                {
                  "$ref": "#/definitions/nonNegativeInteger"
                },
                {
                  "default": 0
                }
              ]
            },
            "simpleTypes": {
              "enum": [
                "array",
                "boolean",
                "integer",
                "null",
                "number",
                "object",
                "string"
              ]
            },
            "stringArray": {
              "type": "array",
              "items": {
                "type": "string"
              },
              "uniqueItems": true,
              "default": []
            }
          },
          "type": [
            "object",
            "boolean"
          ],
          "properties": {
            "$id": {
              "type": "string",
              "format": "uri-reference"
            },
            "$schema": {
              "type": "string",
              "format": "uri"
            },
            "$ref": {
              "type": "string",
              "format": "uri-reference"
            },
            "$comment": {
              "type": "string"
            },
            "title": {
              "type": "string"
            },
            "description": {
              "type": "string"
            },
            "default": true,
            "readOnly": {
              "type": "boolean",
              "default": false
            },
            "examples": {
              "type": "array",
              "items": true
            },
            "multipleOf": {
              "type": "number",
              "exclusiveMinimum": 0
            },
            "maximum": {
              "type": "number"
            },
            "exclusiveMaximum": {
              "type": "number"
            },
            "minimum": {
              "type": "number"
            },
            "exclusiveMinimum": {
              "type": "number"
            },
            "maxLength": {
              "$ref": "#/definitions/nonNegativeInteger"
            },
            "minLength": {
              "$ref": "#/definitions/nonNegativeIntegerDefault0"
            },
            "pattern": {
              "type": "string",
              "format": "regex"
            },
            "additionalItems": {
              "$ref": "#"
            },
            "items": {
              "anyOf": [
                {
                  "$ref": "#"
                },
                {
                  "$ref": "#/definitions/schemaArray"
                }
              ],
              "default": true
            },
            "maxItems": {
              "$ref": "#/definitions/nonNegativeInteger"
            },
            "minItems": {
              "$ref": "#/definitions/nonNegativeIntegerDefault0"
            },
            "uniqueItems": {
              "type": "boolean",
              "default": false
            },
            "contains": {
              "$ref": "#"
            },
            "maxProperties": {
              "$ref": "#/definitions/nonNegativeInteger"
            },
            "minProperties": {
              "$ref": "#/definitions/nonNegativeIntegerDefault0"
            },
            "required": {
              "$ref": "#/definitions/stringArray"
            },
            "additionalProperties": {
              "$ref": "#"
            },
            "definitions": {
              "type": "object",
              "additionalProperties": {
                "$ref": "#"
              },
              "default": {}
            },
            "properties": {
              "type": "object",
              "additionalProperties": {
                "$ref": "#"
              },
              "default": {}
            },
            "patternProperties": {
              "type": "object",
              "additionalProperties": {
                "$ref": "#"
              },
              "propertyNames": {
                "format": "regex"
              },
              "default": {}
            },
            "dependencies": {
              "type": "object",
              "additionalProperties": {
                "anyOf": [
                  {
                    "$ref": "#"
                  },
                  {
                    "$ref": "#/definitions/stringArray"
                  }
                ]
              }
            },
            "propertyNames": {
              "$ref": "#"
            },
            "const": true,
            "enum": {
              "type": "array",
              "items": true
            },
            "type": {
              "anyOf": [
                {
                  "$ref": "#/definitions/simpleTypes"
                },
                {
                  "type": "array",
                  "items": {
                    "$ref": "#/definitions/simpleTypes"
                  },
                  "minItems": 1,
                  "uniqueItems": true
                }
              ]
            },
            "format": {
              "type": "string"
            },
            "contentMediaType": {
              "type": "string"
            },
            "contentEncoding": {
              "type": "string"
            },
            "if": {
              "$ref": "#"
            },
            "then": {
              "$ref": "#"
            },
            "else": {
              "$ref": "#"
            },
            "allOf": {
              "$ref": "#/definitions/schemaArray"
            },
            "anyOf": {
              "$ref": "#/definitions/schemaArray"
            },
            "oneOf": {
              "$ref": "#/definitions/schemaArray"
            },
            "not": {
              "$ref": "#"
            }
          },
          "default": true
        }
        """###,
    ]
}
