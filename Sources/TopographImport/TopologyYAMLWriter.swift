import TopographModel
import TopographInput
import TopographDiff
import Yams

/// Writes a stage-free topology as format-v1 YAML through Yams' emitter (libyaml): it
/// quotes what needs quoting, so a name like `true` or `8080` stays a string. Short
/// resources go on one line in flow style, as people write them; longer ones in block style.
package enum TopologyYAMLWriter {
    package static func yaml(_ topology: StageTopology, header: [String]) throws -> String {
        var pairs: [(Node, Node)] = [(key("topograph"), .scalar(.init("1", .implicit, .plain)))]
        pairs.append((key("name"), string(topology.metadata.name)))
        if let title = topology.metadata.title { pairs.append((key("title"), string(title))) }
        if let description = topology.metadata.description {
            pairs.append((key("description"), .scalar(.init(description, .implicit, description.contains("\n") ? .literal : .any))))
        }
        if let region = topology.metadata.region { pairs.append((key("region"), string(region))) }
        var resources: [(Node, Node)] = []
        for resource in topology.resources {
            let fields = resource.fieldOrder.compactMap { name in resource.fields[name].map { (key(name), node($0)) } }
            let simple = resource.fieldOrder.count <= 7 && !resource.fields.values.contains { value in
                value.listValue?.contains { $0.mapValue != nil } == true
            }
            resources.append((key(resource.id), .mapping(.init(fields, .implicit, simple ? .flow : .block))))
        }
        pairs.append((key("resources"), .mapping(.init(resources, .implicit, .block))))
        if !topology.connections.isEmpty {
            pairs.append((key("connections"), .sequence(.init(topology.connections.map(connection), .implicit, .block))))
        }
        var body = try Yams.serialize(node: .mapping(.init(pairs, .implicit, .block)), width: -1, allowUnicode: true)
        if !body.hasSuffix("\n") { body += "\n" }
        return header.map { "# " + $0 }.joined(separator: "\n") + (header.isEmpty ? "" : "\n") + body
    }

    static func connection(_ connection: Connection) -> Node {
        let ends = "\(connection.from) -> \(connection.to)"
        if connection.port == nil, connection.protocol == nil, connection.via == nil, connection.notes == nil {
            guard let label = connection.label else { return string(ends) }
            return .mapping(.init([(string(ends), string(label))], .implicit, .block))
        }
        var fields: [(Node, Node)] = [(key("from"), string(connection.from)), (key("to"), string(connection.to))]
        if let label = connection.label { fields.append((key("label"), string(label))) }
        if let port = connection.port { fields.append((key("port"), .scalar(.init(String(port), .implicit, .plain)))) }
        if let protocolName = connection.protocol { fields.append((key("protocol"), string(protocolName))) }
        if let via = connection.via { fields.append((key("via"), string(via))) }
        if let notes = connection.notes { fields.append((key("notes"), string(notes))) }
        return .mapping(.init(fields, .implicit, .flow))
    }

    static func node(_ value: AttributeValue) -> Node {
        switch value {
        case .string(let text): return string(text)
        case .int(let number): return .scalar(.init(String(number), .implicit, .plain))
        case .double(let number): return .scalar(.init(String(number), .implicit, .plain))
        case .bool(let flag): return .scalar(.init(flag ? "true" : "false", .implicit, .plain))
        case .null: return .scalar(.init("null", .implicit, .plain))
        case .list(let items): return .sequence(.init(items.map(node), .implicit, .flow))
        case .map(let entries): return .mapping(.init(entries.map { (key($0.key), node($0.value)) }, .implicit, .flow))
        }
    }

    static func key(_ text: String) -> Node { .scalar(.init(text, .implicit, .plain)) }

    /// A string that would read back as something else (`true`, `8080`, `null`, empty) is quoted.
    static func string(_ text: String) -> Node {
        let style: Node.Scalar.Style = ScalarType.of(plain: text) == .string && !text.isEmpty ? .any : .doubleQuoted
        return .scalar(.init(text, .implicit, style))
    }
}
