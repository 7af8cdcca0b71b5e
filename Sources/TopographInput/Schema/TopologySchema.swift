import Foundation
import TopographModel

/// A JSON Schema (draft 2020-12) of format version 1, generated from the kind catalog, for
/// editors (yaml-language-server reads `# yaml-language-server: $schema=...`). Per kind, an
/// `if`/`then` pair allows exactly that kind's attributes, so a typo is flagged as you type.
/// The validator stays the authority (it also checks references, containment and stages).
package enum TopologySchema {
    static let idPattern = "^[a-z][a-z0-9-]*$"

    package static func json() -> String {
        // A JSONValue built from literals always encodes; an empty schema would fail the tests.
        (try? JSONOutput.text(schema())) ?? "\n"
    }

    static func schema() -> JSONValue {
        var defs: [String: JSONValue] = [
            "id": ["type": "string", "pattern": .string(idPattern), "description": "A resource id: lowercase letters, digits and '-', starting with a letter."],
            "resources": [
                "type": ["object", "null"],
                "propertyNames": ["pattern": .string(idPattern)],
                "additionalProperties": ["$ref": "#/$defs/resource"],
            ],
            "resource": resource(),
            "change": change(),
            "connection": connection(),
            "stage": stage(),
            "drift": [
                "type": "object", "additionalProperties": false,
                "properties": ["ignore": ["type": "array", "items": ["type": "string", "minLength": 1], "description": "Accepted differences from the templates: a resource id or template logical id, `id.attribute`, or `from -> to`."]],
            ],
            "lint": [
                "type": "object", "additionalProperties": false,
                "properties": ["ignore": ["type": "array", "items": ["type": "string"], "description": "Lint rule ids to suppress."]],
            ],
        ]
        for spec in KindCatalog.all {
            defs["kind-\(spec.id)"] = kindAttributes(spec)
        }
        return [
            // Sorted keys put this first, where OutputWriter looks for the marker.
            "$comment": .string("\(GeneratedMarker.phrase) from its kind catalog (`topograph schema`); regenerate instead of editing this file"),
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://topograph.dev/schemas/topology-v1.json",
            "title": "Topograph topology, format version 1",
            "description": "One AWS architecture: resources, their nesting and connections, and its setup stages. See Docs/format.md.",
            "type": "object",
            "required": ["topograph", "name", "resources"],
            "additionalProperties": false,
            "properties": [
                "topograph": ["const": 1, "description": "The format version."],
                "name": ["type": "string", "pattern": .string(idPattern), "description": "Lowercase slug, used in file names."],
                "title": scalarText("Title of the architecture."),
                "description": scalarText("Markdown, copied into generated docs."),
                "region": scalarText("Default AWS region for runbook commands."),
                "account": scalarText("AWS account id; <angle brackets> stay placeholders."),
                "resources": ["$ref": "#/$defs/resources"],
                "connections": ["type": ["array", "null"], "items": ["$ref": "#/$defs/connection"]],
                "stages": ["type": ["array", "null"], "items": ["$ref": "#/$defs/stage"]],
                "lint": ["$ref": "#/$defs/lint"],
                "drift": ["$ref": "#/$defs/drift"],
            ],
            "$defs": .object(defs),
        ]
    }

    static func scalarText(_ description: String) -> JSONValue {
        ["type": ["string", "number", "boolean"], "description": .string(description)]
    }

    static func type(_ attribute: AttributeType) -> JSONValue {
        switch attribute {
        case .string, .markdown: return ["type": ["string", "number", "boolean"]]
        case .int: return ["type": "integer"]
        case .port: return ["type": "integer", "minimum": 1, "maximum": 65535]
        case .bool: return ["type": "boolean"]
        case .oneOf(let values): return values.isEmpty ? ["type": "string"] : ["enum": .strings(values)]
        case .list(let element): return ["type": "array", "items": type(element)]
        case .reference: return ["$ref": "#/$defs/id"]
        case .stringMap: return ["type": "object", "additionalProperties": ["type": ["string", "number", "boolean"]]]
        case .object(let fields):
            var properties: [String: JSONValue] = [:]
            for field in fields { properties[field.name] = describe(field) }
            return ["type": "object", "properties": .object(properties), "additionalProperties": false, "required": .strings(fields.filter(\.required).map(\.name))]
        case .url: return ["type": "string", "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://"]
        }
    }

    static func describe(_ attribute: AttributeSpec) -> JSONValue {
        var schema = type(attribute.type)
        if let range = attribute.range {
            schema["minimum"] = .int(range.lowerBound)
            schema["maximum"] = .int(range.upperBound)
        }
        schema["description"] = .string(attribute.doc + (attribute.isExtension ? " (Topograph extension)" : ""))
        return schema
    }

    static func commonProperties() -> [String: JSONValue] {
        var properties: [String: JSONValue] = [:]
        for attribute in KindCatalog.commonAttributes {
            properties[attribute.name] = describe(attribute)
        }
        properties["kind"] = ["enum": .strings(KindCatalog.ids), "description": "The resource kind (`topograph kinds`)."]
        return properties
    }

    static func kindAttributes(_ spec: KindSpec) -> JSONValue {
        var properties = commonProperties()
        for attribute in spec.attributes { properties[attribute.name] = describe(attribute) }
        return [
            "description": .string("\(spec.title): \(spec.summary)"),
            "properties": .object(properties),
            "additionalProperties": false,
            "required": .strings(spec.attributes.filter(\.required).map(\.name)),
        ]
    }

    static func resource() -> JSONValue {
        [
            "type": "object",
            "required": ["kind"],
            "properties": ["kind": ["enum": .strings(KindCatalog.ids)]],
            "allOf": .array(KindCatalog.all.map { spec in
                ["if": ["properties": ["kind": ["const": .string(spec.id.rawValue)]], "required": ["kind"]], "then": ["$ref": .string("#/$defs/kind-\(spec.id)")]]
            }),
        ]
    }

    /// A stage's `change:` entry: any attribute of any kind (the kind is known only once
    /// the stage is resolved), `null` removing one.
    static func change() -> JSONValue {
        var properties = commonProperties()
        for spec in KindCatalog.all {
            for attribute in spec.attributes where properties[attribute.name] == nil {
                properties[attribute.name] = describe(attribute)
            }
        }
        let nullable = properties.mapValues { schema -> JSONValue in ["anyOf": [schema, ["type": "null"]]] }
        return ["type": "object", "properties": .object(nullable), "additionalProperties": false]
    }

    static func connection() -> JSONValue {
        let arrow = "^\\s*[a-z][a-z0-9-]*\\s*->\\s*[a-z][a-z0-9-]*\\s*$"
        let details: [String: JSONValue] = [
            "label": scalarText("Text on the edge."),
            "port": ["type": "integer", "minimum": 1, "maximum": 65535],
            "protocol": ["type": "string"],
            "via": ["type": "string", "description": "service-connect, cloud-map, vpc-link, ..."],
            "notes": ["type": "string"],
        ]
        var long = details
        long["from"] = ["$ref": "#/$defs/id"]
        long["to"] = ["$ref": "#/$defs/id"]
        return [
            "oneOf": [
                ["type": "string", "pattern": .string(arrow), "description": "from -> to"],
                [
                    "type": "object", "minProperties": 1, "maxProperties": 1,
                    "patternProperties": .object([arrow: ["anyOf": [scalarText("The label."), ["type": "null"], ["type": "object", "properties": .object(details), "additionalProperties": false]]]]),
                    "additionalProperties": false,
                    "description": "from -> to: label",
                ],
                ["type": "object", "required": ["from", "to"], "properties": .object(long), "additionalProperties": false],
            ],
        ]
    }

    static func stage() -> JSONValue {
        [
            "type": "object",
            "required": ["name"],
            "additionalProperties": false,
            "properties": [
                "name": ["type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]*$"],
                "title": scalarText("What the stage is."),
                "description": scalarText("Markdown."),
                "remove": ["type": "array", "items": ["type": "string"], "description": "Ids (with their children and edges) or `a -> b` connections."],
                "change": ["type": "object", "propertyNames": ["pattern": .string(idPattern)], "additionalProperties": ["$ref": "#/$defs/change"]],
                "add": [
                    "type": "object", "additionalProperties": false,
                    "properties": [
                        "resources": ["$ref": "#/$defs/resources"],
                        "connections": ["type": "array", "items": ["$ref": "#/$defs/connection"]],
                    ],
                ],
            ],
        ]
    }
}
