import TopographModel
import TopographInput
import TopographDiff
import Yams

/// Resolves CloudFormation's intrinsic functions, in their short form (`!Ref`, `!GetAtt`,
/// `!Sub`, `!Select`, `!GetAZs`, ...: YAML tags, which Yams keeps with their positions) and
/// their long form (`{"Ref": ...}`, `{"Fn::GetAtt": ...}`). A reference to a resource stays a
/// reference; what only the deployment knows becomes a placeholder or `unknown`.
extension CloudFormationLoader {
    func resolve(_ node: Node, in stack: CloudFormationStack) -> IaCValue {
        nodesVisited += 1
        if nodesVisited > limits.maxNodes {
            if nodesVisited == limits.maxNodes + 1 {
                warnings.warning(.inputTooLarge, "the templates expand to more than \(limits.maxNodes) YAML nodes; the rest is not read", at: location(node, stack.file), help: "write the template without chains of YAML aliases")
            }
            return .unknown("too large")
        }
        if bounds.stopped { return .unknown("stopped") }
        let tag = node.tag.rawValue
        if tag.hasPrefix("!"), !tag.hasPrefix("!!"), tag.count > 1 {
            let name = String(tag.dropFirst())
            return intrinsic(name == "Ref" || name == "Condition" ? name : "Fn::" + name, untagged(node), at: node, in: stack)
        }
        switch node {
        case .scalar(let scalar):
            switch ScalarType.of(node) {
            case .string: return .string(scalar.string)
            case .int, .float: return ScalarType.doubleValue(scalar.string).map { .number($0) } ?? .string(scalar.string)
            case .bool: return .bool(scalar.string.lowercased() == "true")
            case .null: return .null
            }
        case .sequence(let sequence):
            return .list(sequence.map { resolve($0, in: stack) }.filter { $0 != .null })
        case .mapping(let mapping):
            if mapping.count == 1, let (key, value) = mapping.first.map({ ($0.key, $0.value) }), let name = key.scalar?.string,
               name == "Ref" || name == "Condition" || name.hasPrefix("Fn::") {
                return intrinsic(name, value, at: node, in: stack)
            }
            var entries: [IaCEntry] = []
            for (key, value) in mapping {
                let resolved = resolve(value, in: stack)
                if resolved != .null, let name = key.scalar?.string { entries.append(IaCEntry(key: name, value: resolved)) }
            }
            return .map(entries)
        case .alias:
            return .unknown("alias")
        }
    }

    /// The argument of a short-form function: the same node without its tag.
    private func untagged(_ node: Node) -> Node {
        switch node {
        case .scalar(var scalar):
            scalar.tag = .implicit
            return .scalar(scalar)
        case .sequence(var sequence):
            sequence.tag = .implicit
            return .sequence(sequence)
        case .mapping(var mapping):
            mapping.tag = .implicit
            return .mapping(mapping)
        case .alias: return node
        }
    }

    /// One function, within `bounds`: its depth counted, the text it builds charged.
    private func intrinsic(_ name: String, _ argument: Node, at node: Node, in stack: CloudFormationStack) -> IaCValue {
        guard bounds.enter(name.replacingOccurrences(of: "Fn::", with: "!"), at: location(node, stack.file)) else { return .unknown("stopped") }
        defer { bounds.leave() }
        let value = evaluate(name, argument, at: node, in: stack)
        // Only these build text; the others pass on values already charged.
        return name == "Fn::Join" || name == "Fn::Sub" ? charged(value, at: node, in: stack) : value
    }

    private func evaluate(_ name: String, _ argument: Node, at node: Node, in stack: CloudFormationStack) -> IaCValue {
        switch name {
        case "Ref":
            guard let target = argument.scalar?.string else { return malformed(name, node, stack) }
            return ref(target, at: node, in: stack)
        case "Fn::GetAtt":
            let parts: [String]
            if let text = argument.scalar?.string {
                let split = text.split(separator: ".", maxSplits: 1).map(String.init)
                parts = split
            } else if let items = argument.sequence, items.count == 2, let first = items[0].scalar?.string {
                parts = [first, resolve(items[1], in: stack).literal ?? ""]
            } else {
                return malformed(name, node, stack)
            }
            guard parts.count == 2 else { return malformed(name, node, stack) }
            return getAtt(parts[0], parts[1], at: node, in: stack)
        case "Fn::Sub":
            if let template = argument.scalar?.string { return substitute(template, variables: [:], at: node, in: stack) }
            if let items = argument.sequence, items.count == 2, let template = items[0].scalar?.string {
                var variables: [String: IaCValue] = [:]
                for (key, value) in items[1].fields { if let key = key.scalar?.string { variables[key] = resolve(value, in: stack) } }
                return substitute(template, variables: variables, at: node, in: stack)
            }
            return malformed(name, node, stack)
        case "Fn::Select":
            guard let items = argument.sequence, items.count == 2 else { return malformed(name, node, stack) }
            guard let index = resolve(items[0], in: stack).int else { return .unknown("Fn::Select") }
            switch resolve(items[1], in: stack) {
            case .list(let values): return values.indices.contains(index) ? values[index] : malformed(name, node, stack)
            case .zoneList: return .zoneIndex(index)
            default: return .unknown("Fn::Select")
            }
        case "Fn::GetAZs":
            return .zoneList
        case "Fn::Join":
            guard let items = argument.sequence, items.count == 2, let separator = resolve(items[0], in: stack).literal else { return malformed(name, node, stack) }
            let parts = resolve(items[1], in: stack)
            guard case .list(let values) = parts else { return .unknown("Fn::Join") }
            return join(values, separator: separator)
        case "Fn::ImportValue":
            guard let exportName = resolve(argument, in: stack).text else { return .unknown("Fn::ImportValue") }
            if let value = exports[exportName] { return value }
            warnings.warning(.unresolvedImport, "Fn::ImportValue '\(exportName)': no template given exports it", at: location(node, stack.file), help: "pass the exporting stack's template too")
            return .unknown("Fn::ImportValue")
        case "Fn::FindInMap":
            guard let items = argument.sequence, items.count >= 3,
                  let map = resolve(items[0], in: stack).literal, let first = resolve(items[1], in: stack).literal,
                  let second = resolve(items[2], in: stack).literal,
                  let found = stack.root.field("Mappings")?.field(map)?.field(first)?.field(second) else { return .unknown("Fn::FindInMap") }
            return bounds.visiting("FindInMap\u{0}\(stack.file)\u{0}\(map)\u{0}\(first)\u{0}\(second)", "!FindInMap [\(map), \(first), \(second)]",
                                   at: location(node, stack.file), otherwise: .unknown("Fn::FindInMap")) { resolve(found, in: stack) }
        case "Fn::Base64":
            return resolve(argument, in: stack)
        case "Fn::If":
            // Conditions depend on deploy-time parameters; agree only when both branches do.
            guard let items = argument.sequence, items.count == 3 else { return malformed(name, node, stack) }
            let (yes, no) = (resolve(items[1], in: stack), resolve(items[2], in: stack))
            return yes == no ? yes : .unknown("Fn::If")
        case "Condition", "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or", "Fn::Split", "Fn::Cidr", "Fn::Transform", "Fn::Length", "Fn::ToJsonString", "Fn::GetStackOutput":
            return .unknown(name)
        default:
            warnings.warning(.unknownIntrinsic, "unknown function `\(name.replacingOccurrences(of: "Fn::", with: "!"))`; its value is not read", at: location(node, stack.file), help: "CloudFormation's functions are !Ref, !GetAtt, !Sub, !Join, !Select, !GetAZs, !If, !ImportValue, !FindInMap, ...")
            return .unknown(name)
        }
    }

    private func malformed(_ name: String, _ node: Node, _ stack: CloudFormationStack) -> IaCValue {
        warnings.warning(.malformedIntrinsic, "malformed \(name.replacingOccurrences(of: "Fn::", with: "!")); its value is not read", at: location(node, stack.file), help: "see the function's reference in the CloudFormation user guide")
        return .unknown(name)
    }

    func pseudo(_ name: String, in stack: CloudFormationStack) -> IaCValue? {
        switch name {
        case "AWS::Region": return region.map { .string($0) } ?? .text(placeholders.make("aws_region"), references: [])
        case "AWS::AccountId": return .text(placeholders.make("aws_account_id"), references: [])
        case "AWS::StackName": return .string(stack.stackName)
        case "AWS::Partition": return .string("aws")
        case "AWS::URLSuffix": return .string("amazonaws.com")
        case "AWS::NoValue": return .null
        case "AWS::StackId", "AWS::NotificationARNs": return .unknown(name)
        default: return nil
        }
    }

    /// Types whose `Ref` is the name a property sets (CloudFormation's documented return values).
    static let refReturnsName: [String: String] = [
        "AWS::Lambda::Function": "FunctionName", "AWS::ECS::Cluster": "ClusterName", "AWS::Logs::LogGroup": "LogGroupName",
        "AWS::S3::Bucket": "BucketName", "AWS::DynamoDB::Table": "TableName", "AWS::ECR::Repository": "RepositoryName",
        "AWS::ElastiCache::ReplicationGroup": "ReplicationGroupId", "AWS::RDS::DBInstance": "DBInstanceIdentifier",
    ]

    private func ref(_ target: String, at node: Node, in stack: CloudFormationStack) -> IaCValue {
        if let value = pseudo(target, in: stack) { return value }
        if let entry = stack.entry(target), let property = Self.refReturnsName[entry.type],
           let name = entry.body.field("Properties")?.field(property)?.scalar?.string {
            // The name in text (a log group `/aws/lambda/${Fn}` reads as the function's), still naming the resource.
            return .text(name, references: [IaCReference(key: stack.prefix + target)])
        }
        if stack.logicalIDs.contains(target) { return .reference(IaCReference(key: stack.prefix + target)) }
        if let value = stack.parameters[target] { return value }
        warnings.warning(.unresolvedRef, "!Ref \(target): no resource, parameter or pseudo parameter of that name", at: location(node, stack.file), help: "check the spelling; `cfn-lint` reports it too")
        return .unknown("Ref")
    }

    private func getAtt(_ target: String, _ attribute: String, at node: Node, in stack: CloudFormationStack) -> IaCValue {
        if stack.type(of: target) == "AWS::CloudFormation::Stack", attribute.hasPrefix("Outputs.") {
            guard let child = child(target, of: stack) else { return .unknown("nested output") }
            return output(String(attribute.dropFirst("Outputs.".count)), of: child) ?? .unknown("nested output")
        }
        let reference = IaCReference(key: stack.prefix + target, attribute: attribute)
        // An ECR repository's URI has a documented form; with a literal name it reads like an image.
        if attribute == "RepositoryUri", let entry = stack.entry(target), entry.type == "AWS::ECR::Repository",
           let name = entry.body.field("Properties")?.field("RepositoryName")?.scalar?.string {
            let region = pseudo("AWS::Region", in: stack)?.text ?? placeholders.make("aws_region")
            return .text("\(placeholders.make("aws_account_id")).dkr.ecr.\(region).amazonaws.com/\(name)", references: [reference])
        }
        if stack.logicalIDs.contains(target) { return .reference(reference) }
        warnings.warning(.unresolvedRef, "!GetAtt \(target).\(attribute): no resource named '\(target)'", at: location(node, stack.file), help: "check the spelling; `cfn-lint` reports it too")
        return .unknown("GetAtt")
    }

    /// `${Name}`, `${Name.Attribute}`, `${AWS::Region}`, `${!Literal}`.
    private func substitute(_ template: String, variables: [String: IaCValue], at node: Node, in stack: CloudFormationStack) -> IaCValue {
        var parts: [IaCValue] = []
        var rest = Substring(template)
        while let open = rest.range(of: "${") {
            parts.append(.string(String(rest[..<open.lowerBound])))
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                parts.append(.string(String(rest[open.lowerBound...])))
                rest = ""
                break
            }
            let name = String(rest[open.upperBound..<close])
            rest = rest[rest.index(after: close)...]
            if name.hasPrefix("!") {
                parts.append(.string("${" + name.dropFirst() + "}"))
            } else if let value = variables[name] {
                parts.append(value)
            } else if let value = pseudo(name, in: stack) {
                parts.append(value)
            } else if let dot = name.firstIndex(of: "."), !name.hasPrefix("AWS::") {
                parts.append(getAtt(String(name[..<dot]), String(name[name.index(after: dot)...]), at: node, in: stack))
            } else {
                parts.append(ref(name, at: node, in: stack))
            }
        }
        parts.append(.string(String(rest)))
        return join(parts, separator: "")
    }

    /// Text from pieces: literal when every piece is, else text with a placeholder per
    /// piece only the deployment knows, keeping the resources it names.
    func join(_ values: [IaCValue], separator: String) -> IaCValue {
        var text: [String] = []
        var references: [IaCReference] = []
        var literal = true
        for value in values {
            switch value {
            case .reference(let reference):
                literal = false
                references.append(reference)
                let name = reference.key.split(separator: "/").last.map(String.init) ?? reference.key
                text.append(placeholders.make(name + (reference.attribute.map { "." + $0 } ?? "")))
            case .text(let piece, let named):
                literal = false
                text.append(piece)
                references += named
            case .unknown(let what):
                literal = false
                text.append(placeholders.make(what))
            default:
                if let piece = value.literal { text.append(piece) } else { literal = false; text.append(placeholders.make("value")) }
            }
        }
        let joined = text.joined(separator: separator)
        return literal ? .string(joined) : .text(joined, references: references)
    }
}

extension Node {
    /// The value of a mapping's key, compared as text (tags and styles do not matter).
    func field(_ key: String) -> Node? {
        guard case .mapping(let mapping) = self else { return nil }
        return mapping.field(key)
    }

    /// A mapping's pairs in order; empty for anything else.
    var fields: [(Node, Node)] {
        guard case .mapping(let mapping) = self else { return [] }
        return mapping.map { ($0.key, $0.value) }
    }
}

extension Node.Mapping {
    func field(_ key: String) -> Node? {
        first { $0.key.scalar?.string == key }?.value
    }
}
