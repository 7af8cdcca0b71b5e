import TopographModel

import Foundation

/// `DocumentDiff` -> JSON, schema version 2 (Docs/diff.md). Keys are sorted, a key whose
/// value would be null is left out, attribute values keep their YAML types.
enum DiffJSON {
    static let version = 2

    struct Document: Encodable {
        var version = DiffJSON.version
        var old: String
        var new: String
        var changed: Bool
        var summary: String
        var document: [Attribute]
        var stages: Stages
        var changes: [Group]
        var addedStages: [AddedStage]
    }

    struct Stages: Encodable {
        var compared: [StagePair]
        var added: [String]
        var removed: [String]
        var renamed: [StagePair]
    }

    struct StagePair: Encodable {
        var old: String
        var new: String
    }

    struct Group: Encodable {
        var stages: [String]
        var allStages: Bool
        var resources: [ResourceEntry]
        var connections: [ConnectionEntry]
    }

    struct AddedStage: Encodable {
        var stage: String
        var base: String?
        var resources: [ResourceEntry]
        var connections: [ConnectionEntry]
    }

    struct ResourceEntry: Encodable {
        var change: String
        var id: String
        var oldId: String?
        var kind: String
        var `class`: String
        var oldParent: String?
        var newParent: String?
        var attributes: [Attribute]

        init(_ change: ResourceChange) {
            self.change = change.kind.rawValue
            id = change.id
            oldId = change.oldID
            kind = change.resourceKind.rawValue
            `class` = change.changeClass.rawValue
            oldParent = change.oldParent
            newParent = change.newParent
            attributes = change.attributes.map(Attribute.init)
        }
    }

    struct Attribute: Encodable {
        var path: String
        var old: AttributeValue?
        var new: AttributeValue?
        var `class`: String

        init(_ change: AttributeChange) {
            path = change.path
            old = change.old
            new = change.new
            `class` = change.changeClass.rawValue
        }
    }

    struct ConnectionEntry: Encodable {
        var change: String
        var from: String
        var to: String
        var `class`: String
        var old: Edge?
        var new: Edge?

        init(_ change: ConnectionChange) {
            self.change = change.kind.rawValue
            from = change.from
            to = change.to
            `class` = change.changeClass.rawValue
            old = Edge(change.old)
            new = Edge(change.new)
        }
    }

    struct Edge: Encodable {
        var label: String?
        var port: Int?
        var `protocol`: String?
        var via: String?
        var notes: String?

        init?(_ connection: Connection?) {
            guard let connection else { return nil }
            label = connection.label
            port = connection.port
            `protocol` = connection.protocol
            via = connection.via
            notes = connection.notes
        }
    }

    static func render(_ diff: DocumentDiff) throws -> String {
        let value = Document(
            old: diff.oldSource, new: diff.newSource, changed: !diff.isEmpty, summary: DiffReport.summary(diff),
            document: diff.document.map(Attribute.init),
            stages: Stages(
                compared: diff.pairs.map { StagePair(old: $0.oldName, new: $0.name) },
                added: diff.stagesAdded.map(\.name), removed: diff.stagesRemoved,
                renamed: diff.stagesRenamed.map { StagePair(old: $0.old, new: $0.new) }),
            changes: diff.groups.filter { !$0.diff.isEmpty }.map {
                Group(stages: $0.stages, allStages: $0.allStages, resources: $0.diff.resources.map(ResourceEntry.init), connections: $0.diff.connections.map(ConnectionEntry.init))
            },
            addedStages: diff.stagesAdded.map {
                AddedStage(stage: $0.name, base: $0.base, resources: $0.diff.resources.map(ResourceEntry.init), connections: $0.diff.connections.map(ConnectionEntry.init))
            })
        return try JSONOutput.text(value)
    }
}

extension AttributeValue: Encodable {
    package func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .list(let items): try container.encode(items)
        case .map(let entries):
            try container.encode(Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
        }
    }
}
