import TopographModel
import TopographInput
import Yams

/// One resource's arguments in CloudFormation's vocabulary: literal values from the plan,
/// references from the configuration (a reference wins: its value is unknown until apply).
extension TerraformPlanReader {
    func translate(_ type: String, values: Node?, expressions: Node?, module: String, self address: String) -> [String: IaCValue] {
        guard let mapping = TerraformMapping.table[type] else { return [:] }
        var properties = mapping.constants
        for (path, target) in mapping.properties.sorted(by: { $0.key < $1.key }) {
            if let value = argument(path, values, expressions, module) { Self.set(&properties, target, value) }
        }
        for (name, (target, renames)) in mapping.lists.sorted(by: { $0.key < $1.key }) {
            let planned = values?.field(name)?.sequence.map(Array.init) ?? []
            let written = expressions?.field(name)?.sequence.map(Array.init) ?? []
            var items: [IaCValue] = []
            for index in 0..<max(planned.count, written.count) {
                var entry: [String: IaCValue] = [:]
                for (path, property) in renames.sorted(by: { $0.key < $1.key }) {
                    let value = argument(path, index < planned.count ? planned[index] : nil, index < written.count ? written[index] : nil, module)
                    if let value { Self.set(&entry, property, value) }
                }
                items.append(Self.map(entry))
            }
            if !items.isEmpty { Self.set(&properties, target, .list(items)) }
        }
        switch type {
        case "aws_lb":
            if let isInternal = argument("internal", values, expressions, module)?.bool { properties["Scheme"] = .string(isInternal ? "internal" : "internet-facing") }
            if let crossZone = argument("enable_cross_zone_load_balancing", values, expressions, module)?.bool {
                properties["LoadBalancerAttributes"] = .list([.map([IaCEntry(key: "Key", value: .string("load_balancing.cross_zone.enabled")), IaCEntry(key: "Value", value: .string(crossZone ? "true" : "false"))])])
            }
        case "aws_security_group":
            properties["SecurityGroupIngress"] = .list(ingressRules(values: values?.field("ingress"), expressions: expressions?.field("ingress"), module: module, self: address))
        case "aws_security_group_rule":
            var rule: [String: IaCValue] = [:]
            for (path, property) in ["security_group_id": "GroupId", "from_port": "FromPort", "to_port": "ToPort", "protocol": "IpProtocol", "source_security_group_id": "SourceSecurityGroupId", "type": "RuleType"] {
                if let value = argument(path, values, expressions, module) { rule[property] = value }
            }
            if argument("self", values, expressions, module)?.bool == true { rule["SourceSecurityGroupId"] = rule["GroupId"] }
            if let cidr = argument("cidr_blocks", values, expressions, module)?.list.first { rule["CidrIp"] = cidr }
            properties = rule
        case "aws_ecs_task_definition":
            properties["ContainerDefinitions"] = containers(values: values, expressions: expressions, module: module)
        case "aws_route_table":
            properties["InlineRoutes"] = .list((0..<max(values?.field("route")?.sequence?.count ?? 0, expressions?.field("route")?.sequence?.count ?? 0)).map { index in
                let planned = values?.field("route")?.sequence.map(Array.init) ?? []
                let written = expressions?.field("route")?.sequence.map(Array.init) ?? []
                var entry: [String: IaCValue] = [:]
                for (path, property) in ["cidr_block": "DestinationCidrBlock", "gateway_id": "GatewayId", "nat_gateway_id": "NatGatewayId"] {
                    if let value = argument(path, index < planned.count ? planned[index] : nil, index < written.count ? written[index] : nil, module) { entry[property] = value }
                }
                return Self.map(entry)
            })
        case "aws_lb_target_group_attachment", "aws_api_gateway_integration", "aws_s3_bucket_notification":
            // Folded into their target group, method or bucket by `TerraformFolding`.
            for name in ["target_group_arn", "target_id", "port", "rest_api_id", "resource_id", "http_method", "type", "connection_type", "connection_id", "uri", "bucket"] {
                if let value = argument(name, values, expressions, module) { properties[name] = value }
            }
            for block in ["lambda_function", "queue", "topic"] {
                let written = expressions?.field(block)?.sequence.map(Array.init) ?? []
                let targets = written.compactMap { argument(block == "lambda_function" ? "lambda_function_arn" : block + "_arn", nil, $0, module) }
                if !targets.isEmpty { properties[block] = .list(targets) }
            }
        default: break
        }
        return properties
    }

    /// Inline `ingress` blocks: one CloudFormation rule per source group (or self), plus one
    /// for address ranges.
    func ingressRules(values: Node?, expressions: Node?, module: String, self address: String) -> [IaCValue] {
        let planned = values?.sequence.map(Array.init) ?? []
        let written = expressions?.sequence.map(Array.init) ?? []
        var rules: [IaCValue] = []
        for index in 0..<max(planned.count, written.count) {
            let value = index < planned.count ? planned[index] : nil
            let expression = index < written.count ? written[index] : nil
            var base: [IaCEntry] = []
            for (path, property) in ["from_port": "FromPort", "to_port": "ToPort", "protocol": "IpProtocol"] {
                if let found = argument(path, value, expression, module) { base.append(IaCEntry(key: property, value: found)) }
            }
            base.sort { $0.key < $1.key }
            var sources = argument("security_groups", value, expression, module)?.referencedKeys ?? []
            if argument("self", value, expression, module)?.bool == true { sources.append(address) }
            for source in sources { rules.append(.map(base + [IaCEntry(key: "SourceSecurityGroupId", value: .reference(IaCReference(key: source)))])) }
            if let cidr = argument("cidr_blocks", value, expression, module)?.list.first { rules.append(.map(base + [IaCEntry(key: "CidrIp", value: cidr)])) }
        }
        return rules
    }

    /// `container_definitions` is a JSON string (`jsonencode(...)`): its names, images and
    /// ports when the plan knows them; a log group or repository it references is the
    /// container's log group or image.
    func containers(values: Node?, expressions: Node?, module: String) -> IaCValue {
        let referenced = keys(expressions?.field("container_definitions")?.field("references")?.sequence?.compactMap(\.scalar?.string) ?? [], module: module)
        let logGroup = referenced.first { $0.hasPrefix("aws_cloudwatch_log_group.") || $0.contains(".aws_cloudwatch_log_group.") }
        let repository = referenced.first { $0.hasPrefix("aws_ecr_repository.") || $0.contains(".aws_ecr_repository.") }
        guard let text = values?.field("container_definitions")?.scalar?.string, let parsed = try? Yams.compose(yaml: text, .basic), let list = parsed.sequence else {
            return .list([])
        }
        return .list(list.map { container in
            var entry: [String: IaCValue] = [:]
            if let name = container.field("name")?.scalar?.string { entry["Name"] = .string(name) }
            if let image = container.field("image")?.scalar?.string { entry["Image"] = .string(image) } else if let repository { entry["Image"] = .reference(IaCReference(key: repository)) }
            if let port = container.field("portMappings")?.sequence?.first?.field("containerPort")?.scalar.flatMap({ Double($0.string) }) {
                entry["PortMappings"] = .list([.map([IaCEntry(key: "ContainerPort", value: .number(port))])])
            }
            if let options = container.field("logConfiguration")?.field("options") {
                let group: IaCValue? = options.field("awslogs-group")?.scalar.map { .string($0.string) } ?? logGroup.map { .reference(IaCReference(key: $0)) }
                if let group { entry["LogConfiguration"] = .map([IaCEntry(key: "Options", value: .map([IaCEntry(key: "awslogs-group", value: group)]))]) }
            } else if let logGroup {
                entry["LogConfiguration"] = .map([IaCEntry(key: "Options", value: .map([IaCEntry(key: "awslogs-group", value: .reference(IaCReference(key: logGroup)))]))])
            }
            return Self.map(entry)
        })
    }

    /// One argument along a block path (`network_configuration.subnets`).
    func argument(_ path: String, _ values: Node?, _ expressions: Node?, _ module: String) -> IaCValue? {
        var planned = values
        var written = expressions
        let steps = path.split(separator: ".").map(String.init)
        for step in steps.dropLast() {
            planned = planned?.field(step).flatMap { $0.sequence?.first ?? $0 }
            written = written?.field(step).flatMap { $0.sequence?.first ?? $0 }
        }
        let name = steps.last ?? path
        if let references = written?.field(name)?.field("references")?.sequence?.compactMap(\.scalar?.string) {
            let found = keys(references, module: module)
            if found.count == 1 { return .reference(IaCReference(key: found[0])) }
            if found.count > 1 { return .list(found.map { .reference(IaCReference(key: $0)) }) }
        }
        if let node = planned?.field(name) {
            let value = Self.value(node)
            return value == .null ? nil : value
        }
        if let constant = written?.field(name)?.field("constant_value") {
            let value = Self.value(constant)
            return value == .null ? nil : value
        }
        return nil
    }

    static func value(_ node: Node) -> IaCValue {
        switch node {
        case .scalar(let scalar):
            switch ScalarType.of(node) {
            case .string: return .string(scalar.string)
            case .int, .float: return ScalarType.doubleValue(scalar.string).map { .number($0) } ?? .string(scalar.string)
            case .bool: return .bool(scalar.string.lowercased() == "true")
            case .null: return .null
            }
        case .sequence(let sequence): return .list(sequence.map(value).filter { $0 != .null })
        case .mapping(let mapping):
            return .map(mapping.compactMap { pair in pair.key.scalar.map { IaCEntry(key: $0.string, value: value(pair.value)) } }.filter { $0.value != .null })
        case .alias: return .unknown("alias")
        }
    }

    static func map(_ dictionary: [String: IaCValue]) -> IaCValue {
        .map(dictionary.sorted { $0.key < $1.key }.map { IaCEntry(key: $0.key, value: $0.value) })
    }

    /// Sets `A.B.C` in nested property maps.
    static func set(_ properties: inout [String: IaCValue], _ path: String, _ value: IaCValue) {
        let steps = path.split(separator: ".", maxSplits: 1).map(String.init)
        guard steps.count == 2 else { properties[path] = value; return }
        var inner: [String: IaCValue] = [:]
        for entry in properties[steps[0]]?.entries ?? [] { inner[entry.key] = entry.value }
        set(&inner, steps[1], value)
        properties[steps[0]] = map(inner)
    }
}
