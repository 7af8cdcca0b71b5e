import Foundation
import Yams
import TopographModel

/// Resources: ids, fields, and the resource budget.
extension DocumentReader {
    mutating func readResources(_ node: Node, context: String) -> [Resource] {
        guard case .mapping(let mapping) = node else {
            if case .scalar = node, ScalarType.of(node) == .null { return [] }
            bag.error(.notAMapping, "`\(context)` must be a mapping from id to resource, found \(describe(node))", at: location(node), help: "write `resources:` then one `id: { kind: ... }` per line, indented")
            return []
        }
        var resources: [Resource] = []
        for (key, value) in mapping {
            guard visit() else { return resources }
            guard let id = idKey(key) else { continue }
            resourceCount += 1
            if resourceCount > limits.maxResources {
                bag.error(
                    .tooManyResources, "more than \(limits.maxResources) resources", at: location(key),
                    help: "split the architecture into several topology files")
                budgetExceeded = true
                return resources
            }
            guard case .mapping(let fieldsNode) = value else {
                bag.error(
                    .notAMapping, "resource '\(id)' must be a mapping with at least `kind`, found \(describe(value))",
                    at: location(value), help: "write `\(id): { kind: ... }`")
                continue
            }
            let fields = readFields(fieldsNode)
            var resource = Resource(id: id, location: location(key), fieldMap: fields)
            if resource.fields["kind"] == nil {
                bag.error(
                    .missingKind, "resource '\(id)' has no `kind`", at: location(key),
                    help: "add `kind:`, one of `topograph kinds` (e.g. `kind: ecs-service`)")
                resource.fields["kind"] = .string("")
            }
            resources.append(resource)
        }
        return resources
    }


    mutating func readFields(_ mapping: Node.Mapping) -> FieldMap {
        var fields = FieldMap(order: [])
        for (key, value) in merged(mapping) {
            guard visit() else { break }
            guard case .scalar(let keyScalar) = key, !keyScalar.string.isEmpty else {
                bag.error(.invalidKey, "attribute names must be plain strings, found \(describe(key))", at: location(key), help: "write `name: value`")
                continue
            }
            let name = keyScalar.string
            fields.values[name] = attributeValue(value, depth: 1)
            fields.locations[name] = location(value)
            // Each list entry's position too, so a finding can point at the one entry at fault.
            if case .sequence(let sequence) = value {
                for (index, element) in sequence.enumerated() {
                    fields.locations[Resource.elementKey(name, index)] = location(element)
                }
            }
            if case .mapping(let entries) = value {
                for (entryKey, entryValue) in entries {
                    guard case .scalar(let scalar) = entryKey else { continue }
                    fields.locations[Resource.entryKey(name, scalar.string)] = location(entryValue)
                }
            }
            fields.keyLocations[name] = location(key)
            fields.order.append(name)
        }
        return fields
    }

    /// An id used as a mapping key: a scalar matching the id syntax.
    mutating func idKey(_ key: Node) -> String? {
        guard case .scalar(let scalar) = key else {
            bag.error(.invalidID, "resource ids must be plain strings, found \(describe(key))", at: location(key), help: "write `my-id: { kind: ... }`")
            return nil
        }
        let id = scalar.string
        if !TopologyParser.isValidID(id) {
            bag.error(
                .invalidID, "'\(id)' is not a valid resource id",
                at: location(key), help: "ids are lowercase letters, digits and '-', starting with a letter: try '\(TopologyParser.slug(id))'")
            return nil
        }
        return id
    }
}
