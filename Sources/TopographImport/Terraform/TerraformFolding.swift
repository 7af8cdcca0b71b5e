import TopographModel

/// Terraform spreads over several resources what CloudFormation keeps in one (rules outside
/// their group, routes inside their table, target-group attachments, REST integrations,
/// bucket notifications); this puts them where `TopologyImporter` reads them.
enum TerraformFolding {
    static func fold(_ resources: [IaCResource], reader: TerraformPlanReader) -> [IaCResource] {
        var result = resources
        var index: [String: Int] = [:]
        for (offset, resource) in result.enumerated() { index[resource.key] = offset }
        func append(_ key: String, _ property: String, _ value: IaCValue) {
            guard let at = index[key] else { return }
            result[at].properties[property] = .list((result[at].properties[property]?.list ?? []) + [value])
        }
        var synthesized: [IaCResource] = []
        for resource in resources {
            switch resource.sourceType {
            case "aws_security_group_rule":
                let type = resource["RuleType"]?.literal == "egress" ? "AWS::EC2::SecurityGroupEgress" : "AWS::EC2::SecurityGroupIngress"
                if let at = index[resource.key] { result[at].type = type }
            case "aws_route_table":
                for (offset, route) in (resource["InlineRoutes"]?.list ?? []).enumerated() {
                    var properties: [String: IaCValue] = ["RouteTableId": .reference(IaCReference(key: resource.key))]
                    for entry in route.entries { properties[entry.key] = entry.value }
                    synthesized.append(IaCResource(
                        key: "\(resource.key)#route\(offset)", logicalID: "\(resource.logicalID) route \(offset)", type: "AWS::EC2::Route",
                        properties: properties, location: resource.location, idHint: resource.idHint + "-route", sourceType: "aws_route_table (inline route)"))
                }
            case "aws_lb_target_group_attachment":
                for group in resource["target_group_arn"]?.referencedKeys ?? [] {
                    var target: [IaCEntry] = []
                    if let id = resource["target_id"] { target.append(IaCEntry(key: "Id", value: id)) }
                    if let port = resource["port"] { target.append(IaCEntry(key: "Port", value: port)) }
                    append(group, "Targets", .map(target))
                }
            case "aws_api_gateway_integration":
                let verb = resource["http_method"]?.literal
                let at = resource["resource_id"]?.referencedKeys ?? []
                for method in resources where method.sourceType == "aws_api_gateway_method"
                    && method["HttpMethod"]?.literal == verb && method["ResourceId"]?.referencedKeys == at {
                    var integration: [IaCEntry] = []
                    for (name, property) in [("type", "Type"), ("connection_type", "ConnectionType"), ("connection_id", "ConnectionId"), ("uri", "Uri")] {
                        if let value = resource[name] { integration.append(IaCEntry(key: property, value: value)) }
                    }
                    if let at = index[method.key] { result[at].properties["Integration"] = .map(integration) }
                }
            case "aws_s3_bucket_notification":
                for bucket in resource["bucket"]?.referencedKeys ?? [] {
                    guard let at = index[bucket] else { continue }
                    var configuration: [IaCEntry] = []
                    for (block, property, field) in [("lambda_function", "LambdaConfigurations", "Function"), ("queue", "QueueConfigurations", "Queue"), ("topic", "TopicConfigurations", "Topic")] {
                        let targets = (resource[block]?.list ?? []).map { IaCValue.map([IaCEntry(key: field, value: $0)]) }
                        if !targets.isEmpty { configuration.append(IaCEntry(key: property, value: .list(targets))) }
                    }
                    result[at].properties["NotificationConfiguration"] = .map(configuration)
                }
            default: break
            }
        }
        return result + synthesized
    }
}
