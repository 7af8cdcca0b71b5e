import TopographModel

/// What sits at the edge of an architecture: Cognito user pools, WAF web ACLs and what they
/// protect, Route 53 records, CloudFront distributions.
extension AWSAccountReader {
    static let edgeCalls: [AWSCall] = [
        AWSCall("cognito-idp", "list-user-pools", ["--max-results", "60"]), AWSCall("wafv2", "list-web-acls", ["--scope", "REGIONAL"]),
        AWSCall("route53", "list-hosted-zones"), AWSCall("cloudfront", "list-distributions"),
    ]

    func readEdge(_ fetched: Fetched) {
        let b = builder
        for pool in fetched[AWSCall("cognito-idp", "list-user-pools", ["--max-results", "60"])]?["UserPools"].array ?? [] {
            guard let id = pool["Id"].string, let name = pool["Name"].string else { continue }
            b.add(b.arn("cognito-idp", "userpool/\(id)"), "AWS::Cognito::UserPool", ["UserPoolName": .string(name)], name: name, identifiers: [id])
        }
        for distribution in fetched[AWSCall("cloudfront", "list-distributions")]?["DistributionList"]["Items"].array ?? [] {
            guard let arn = distribution["ARN"].string else { continue }
            let origins = distribution["Origins"]["Items"].array.compactMap { origin in b.text(origin["DomainName"].string).map { IaCValue.map([IaCEntry(key: "DomainName", value: $0)]) } }
            b.add(arn, "AWS::CloudFront::Distribution", ["DistributionConfig": .map([IaCEntry(key: "Origins", value: .list(origins))])],
                  name: distribution["Id"].string ?? arn, identifiers: [distribution["DomainName"].string ?? ""])
        }
    }

    func edgeDetailCalls(_ fetched: Fetched) -> [AWSCall] {
        let acls = (fetched[AWSCall("wafv2", "list-web-acls", ["--scope", "REGIONAL"])]?["WebACLs"].array ?? []).compactMap { $0["ARN"].string }
        let zones = (fetched[AWSCall("route53", "list-hosted-zones")]?["HostedZones"].array ?? []).compactMap { $0["Id"].string }
        for acl in fetched[AWSCall("wafv2", "list-web-acls", ["--scope", "REGIONAL"])]?["WebACLs"].array ?? [] {
            guard let arn = acl["ARN"].string else { continue }
            builder.add(arn, "AWS::WAFv2::WebACL", ["Name": .string(acl["Name"].string ?? arn)], name: acl["Name"].string ?? arn)
        }
        return acls.flatMap { arn in
            [AWSCall("wafv2", "list-resources-for-web-acl", ["--web-acl-arn", arn, "--resource-type", "APPLICATION_LOAD_BALANCER"]),
             AWSCall("wafv2", "list-resources-for-web-acl", ["--web-acl-arn", arn, "--resource-type", "API_GATEWAY"])]
        } + zones.map { AWSCall("route53", "list-resource-record-sets", ["--hosted-zone-id", $0]) }
    }

    func readEdgeDetails(_ fetched: Fetched) {
        let b = builder
        for (call, answer) in fetched where call.operation == "list-resources-for-web-acl" {
            guard let acl = call.arguments.dropFirst().first else { continue }
            for (index, resource) in answer["ResourceArns"].strings.enumerated() {
                // arn:aws:apigateway:REGION::/restapis/ID/stages/NAME protects the API.
                let target = resource.range(of: "/stages/").map { String(resource[..<$0.lowerBound]) } ?? resource
                b.add("\(acl)#\(call.arguments.last ?? "")\(index)", "AWS::WAFv2::WebACLAssociation",
                      ["WebACLArn": b.id(acl), "ResourceArn": (b.text(target) ?? .null)], name: "\(acl) -> \(resource)")
            }
        }
        for (call, answer) in fetched where call.operation == "list-resource-record-sets" {
            for record in answer["ResourceRecordSets"].array where ["A", "AAAA", "CNAME"].contains(record["Type"].string ?? "") {
                guard let name = record["Name"].string else { continue }
                var properties: [String: IaCValue] = ["Name": .string(name), "Type": .string(record["Type"].string ?? "")]
                if let alias = b.text(record["AliasTarget"]["DNSName"].string) { properties["AliasTarget"] = .map([IaCEntry(key: "DNSName", value: alias)]) }
                let values = record["ResourceRecords"].array.compactMap { b.text($0["Value"].string) }
                if !values.isEmpty { properties["ResourceRecords"] = .list(values) }
                b.add("\(call.arguments.last ?? "")/\(name)/\(record["Type"].string ?? "")/\(record["SetIdentifier"].string ?? "")", "AWS::Route53::RecordSet",
                      properties, name: name.hasSuffix(".") ? String(name.dropLast()) : name)
            }
        }
    }
}
