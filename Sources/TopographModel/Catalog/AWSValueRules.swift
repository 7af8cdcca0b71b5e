import Foundation

/// The rules AWS itself applies to the values runbook commands pass on: a value AWS would
/// refuse is refused here, with the rule in the help line, before any runbook is written.
/// (Every value is also shell-quoted in the runbooks; these rules make the commands
/// succeed, the quoting makes them safe.)
package struct AWSValueRule: Sendable, Hashable {
    /// What the value names, for the message ("an ECS cluster name").
    package var subject: String
    /// The rule as AWS documents it, for the help line.
    package var rule: String
    package var pattern: String
    package var maxLength: Int

    package init(_ subject: String, _ rule: String, pattern: String, maxLength: Int) {
        self.subject = subject
        self.rule = rule
        self.pattern = pattern
        self.maxLength = maxLength
    }

    /// Nil when `value` passes.
    package func problem(_ written: String) -> String? {
        guard let value = AWSValuePlaceholders.knownParts(written) else { return nil }
        if value.count > maxLength { return "is \(value.count) characters long" }
        if !Pattern(pattern).matchesWhole(value) { return "has characters or a form the rule does not allow" }
        return nil
    }
}

package enum AWSValueRules {
    static let elbName = AWSValueRule(
        "a load balancer name", "at most 32 characters: letters, digits and hyphens, not starting or ending with a hyphen, not starting with `internal-`",
        pattern: "(?!internal-)[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?", maxLength: 32)
    package static let targetGroupName = AWSValueRule(
        "a target group name", "at most 32 characters: letters, digits and hyphens, not starting or ending with a hyphen",
        pattern: "[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?", maxLength: 32)
    static let ecsName = AWSValueRule(
        "an ECS name", "up to 255 letters, digits, hyphens and underscores", pattern: "[A-Za-z0-9_-]+", maxLength: 255)
    static let apiName = AWSValueRule(
        "an API Gateway name", "1 to 128 printable characters, no quotes, backslashes or `$`, no control characters",
        pattern: "[A-Za-z0-9 _.:/=+@-]+", maxLength: 128)
    static let restStage = AWSValueRule(
        "a REST API stage name", "1 to 128 letters, digits, hyphens and underscores", pattern: "[A-Za-z0-9_-]+", maxLength: 128)
    static let httpStage = AWSValueRule(
        "an HTTP API stage name", "`$default`, or 1 to 128 letters, digits, hyphens and underscores", pattern: "\\$default|[A-Za-z0-9_-]+", maxLength: 128)
    static let lambdaName = AWSValueRule(
        "a Lambda function name", "1 to 64 letters, digits, hyphens and underscores", pattern: "[A-Za-z0-9_-]+", maxLength: 64)
    static let dbIdentifier = AWSValueRule(
        "a database identifier", "1 to 63 letters, digits and hyphens, starting with a letter, no two hyphens in a row, not ending with a hyphen",
        pattern: "[A-Za-z](?!.*--)(?:[A-Za-z0-9-]*[A-Za-z0-9])?", maxLength: 63)
    static let cacheIdentifier = AWSValueRule(
        "an ElastiCache replication group id", "1 to 40 letters, digits and hyphens, starting with a letter, no two hyphens in a row, not ending with a hyphen",
        pattern: "[A-Za-z](?!.*--)(?:[A-Za-z0-9-]*[A-Za-z0-9])?", maxLength: 40)
    static let bucket = AWSValueRule(
        "an S3 bucket name", "3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit",
        pattern: "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", maxLength: 63)
    static let table = AWSValueRule(
        "a DynamoDB table name", "3 to 255 letters, digits, `_`, `-` and `.`", pattern: "[A-Za-z0-9_.-]{3,255}", maxLength: 255)
    static let ecrRepository = AWSValueRule(
        "an ECR repository name", "2 to 256 lowercase letters, digits and `._-/` separators (`team/app`)",
        pattern: "(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*", maxLength: 256)
    static let plainName = AWSValueRule(
        "a name", "1 to 128 letters, digits, spaces and `_.:/=+@-`", pattern: "[A-Za-z0-9 _.:/=+@-]+", maxLength: 128)
    static let dnsName = AWSValueRule(
        "a DNS name", "dot-separated labels of letters, digits and hyphens (no label starting or ending with a hyphen)",
        pattern: "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?", maxLength: 253)
    static let containerName = AWSValueRule(
        "a container name", "up to 255 letters, digits, hyphens and underscores", pattern: "[A-Za-z0-9_-]+", maxLength: 255)
    static let image = AWSValueRule(
        "a container image", "a registry path with letters, digits and `-_.:/@#` (`<placeholders>` allowed)",
        pattern: "(?:[A-Za-z0-9_.:/@#-]|<[A-Za-z0-9_-]+>)+", maxLength: 255)
    static let healthPath = AWSValueRule(
        "a health-check path", "a path starting with `/`: letters, digits and `_-.$/~\"'@:+&` only, at most 1024 characters",
        pattern: "/[A-Za-z0-9_.$/~\"'@:+&-]*", maxLength: 1024)
    static let header = AWSValueRule(
        "an HTTP header name", "an HTTP token: letters, digits and `!#$%&'*+-.^_`|~`", pattern: "[A-Za-z0-9!#$%&'*+.^_`|~-]+", maxLength: 256)
    static let keyPattern = AWSValueRule(
        "a Redis key pattern", "a glob without spaces or control characters, e.g. `session:*`", pattern: "[!-~]+", maxLength: 512)
    static let pathMapping = AWSValueRule(
        "a path mapping", "`/` followed by a path with `$request.path.<name>` or `$stageVariables.<name>` variables, no spaces",
        pattern: "/?[A-Za-z0-9_.~/{}$+-]*", maxLength: 512)
    static let instanceType = AWSValueRule(
        "an EC2 instance type", "`family.size`, e.g. `t3.micro`", pattern: "[a-z0-9-]+\\.[a-z0-9]+", maxLength: 64)
    static let instanceClass = AWSValueRule(
        "a DB instance class", "`db.family.size`, e.g. `db.t4g.micro`, or `db.serverless`", pattern: "db\\.[a-z0-9-]+(?:\\.[a-z0-9]+)?", maxLength: 64)
    static let endpointService = AWSValueRule(
        "a VPC endpoint service", "the short service name after `com.amazonaws.<region>.`, e.g. `execute-api`, `ecr.dkr`",
        pattern: "[a-z0-9-]+(?:\\.[a-z0-9-]+)*", maxLength: 128)
    static let engine = AWSValueRule(
        "a database engine", "the engine id, e.g. `postgres`, `mysql`, `aurora-postgresql`", pattern: "[a-z0-9-]+", maxLength: 64)
    static let namespace = AWSValueRule(
        "a Cloud Map namespace", "a DNS name such as `internal.local`", pattern: dnsName.pattern, maxLength: 253)
    package static let region = AWSValueRule(
        "an AWS region", "a region code such as `us-east-1` or `eu-west-2`", pattern: "[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-[0-9]", maxLength: 32)
    package static let account = AWSValueRule(
        "an AWS account id", "12 digits, or a `<placeholder>`", pattern: "[0-9]{12}|<[A-Za-z0-9_-]+>", maxLength: 64)
    static let zone = AWSValueRule(
        "an availability zone", "the region code followed by one letter, e.g. `us-east-1a`", pattern: "[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-[0-9][a-z]", maxLength: 33)
    static let runtime = AWSValueRule(
        "a Lambda runtime", "a runtime id such as `python3.12` or `nodejs20.x`", pattern: "[a-z0-9.]+", maxLength: 32)

    /// The rule for `name` of each kind whose name reaches a command: the kinds' own
    /// (`KindSpec.nameRule`), then these of the first kinds.
    package static let names: [KindID: AWSValueRule] = builtInNames.merging(
        KindCatalog.all.compactMap { spec in spec.nameRule.map { (spec.id, $0) } }, uniquingKeysWith: { $1 })

    private static let builtInNames: [KindID: AWSValueRule] = [
        .alb: elbName, .nlb: elbName,
        .ecsCluster: ecsName, .ecsService: ecsName,
        .httpAPI: apiName, .restAPI: apiName, .vpcLink: apiName,
        .lambda: lambdaName, .rds: dbIdentifier, .aurora: dbIdentifier, .redis: cacheIdentifier,
        .s3: bucket, .dynamodb: table, .ecr: ecrRepository,
        .cognito: plainName, .waf: AWSValueRule("a WAF web ACL name", "1 to 128 letters, digits, hyphens and underscores", pattern: "[A-Za-z0-9_-]+", maxLength: 128),
        .ec2: plainName, .securityGroup: plainName, .iamRole: AWSValueRule("an IAM role name", "1 to 64 letters, digits and `+=,.@_-`", pattern: "[A-Za-z0-9+=,.@_-]+", maxLength: 64),
        .vpc: plainName, .subnet: plainName, .vpcEndpoint: plainName, .cloudMap: plainName,
    ]

    /// Rules for attributes (by name, for every kind that has the attribute).
    static let attributes: [String: AWSValueRule] = [
        "health_check": healthPath, "key_pattern": keyPattern, "path_mapping": pathMapping,
        "instance_type": instanceType, "instance_class": instanceClass, "service": endpointService, "engine": engine, "namespace": namespace,
        "record": dnsName, "runtime": runtime,
        "metric": AWSValueRule("a CloudWatch metric name", "1 to 255 letters, digits, `_`, `.` and `-`, e.g. CPUUtilization", pattern: "[A-Za-z0-9_.-]+", maxLength: 255),
        "local_container": AWSValueRule("a Docker container name", "letters, digits and `_.-`, starting with a letter or digit", pattern: "[A-Za-z0-9][A-Za-z0-9_.-]*", maxLength: 128),
    ]

    /// Every problem of `resource`'s values, as diagnostics; `region` checks zones belong to it.
    package static func check(_ resource: Resource, region: String?, bag: inout DiagnosticBag) {
        func report(_ rule: AWSValueRule, _ value: String, field: String, what: String) {
            // Over the input's text limit, `text-too-long` already says so; once is enough.
            guard value.count <= 2000, let problem = rule.problem(value) else { return }
            let shown = value.unicodeScalars.map { $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
            bag.error(
                .invalidAWSValue, "\(what) '\(shown)' of '\(resource.id)' is not \(rule.subject) AWS accepts (it \(problem))",
                at: resource.location(of: field), help: "AWS rule for \(rule.subject): \(rule.rule)")
        }
        // A name the user wrote must be valid; a name defaulted from the id is made valid
        // by the runbooks (`RunbookNames.awsName`), since ids follow their own slug rule.
        if let rule = names[resource.kind], resource.fields["name"] != nil {
            report(rule, resource.name, field: "name", what: "`name`")
        }
        if resource.kind == .generic, let icon = resource.string("icon"), ServiceIcons.icon(icon) == nil {
            bag.error(
                .unknownIcon, "`icon` '\(icon)' of '\(resource.id)' is not an AWS Architecture Icon Topograph knows",
                at: resource.location(of: "icon"),
                help: Suggestions.didYouMean(icon, in: ServiceIcons.suggestible) ?? "`topograph kinds --icons` lists the names")
        }
        let spec = resource.kind.spec
        for (field, rule) in attributes where spec?.attributes.first(where: { $0.name == field })?.rule == nil {
            guard let value = resource.fields[field] else { continue }
            guard let text = value.scalarText else { continue }
            report(rule, text, field: field, what: "`\(field)`")
        }
        for attribute in spec?.attributes ?? [] {
            guard let value = resource.fields[attribute.name] else { continue }
            if let rule = attribute.rule {
                for text in value.listValue?.compactMap(\.scalarText) ?? [value.scalarText].compactMap({ $0 }) {
                    report(rule, text, field: attribute.name, what: "`\(attribute.name)`")
                }
            }
            if let range = attribute.range, case .int(let number) = value, !range.contains(number) {
                bag.error(
                    .invalidAWSValue, "`\(attribute.name)` \(number) of '\(resource.id)' is outside what AWS accepts",
                    at: resource.location(of: attribute.name),
                    help: "AWS accepts \(range.lowerBound) to \(range.upperBound) for \(attribute.name): \(attribute.doc)")
            }
        }
        if let cidr = resource.string("cidr"), let problem = cidrProblem(cidr) {
            bag.error(
                .invalidAWSValue, "`cidr` '\(cidr)' of '\(resource.id)' is not a CIDR block AWS accepts (\(problem))",
                at: resource.location(of: "cidr"), help: "AWS rule for VPC and subnet CIDR blocks: an IPv4 network `a.b.c.d/n` with n from 16 to 28 and no host bits set, e.g. 10.0.0.0/16")
        }
        for zone in resource.zones + [resource.string("az")].compactMap({ $0 }) {
            if let problem = zoneProblem(zone, region: region) {
                bag.error(
                    .invalidAWSValue, "availability zone '\(zone)' of '\(resource.id)' \(problem)",
                    at: resource.location(of: resource.zones.contains(zone) ? "zones" : "az"), help: "AWS rule: an availability zone name is a region code followed by one letter, e.g. \(region ?? "us-east-1")a; a zone id looks like use1-az4")
            }
        }
        for (offset, container) in (resource["containers"]?.listValue ?? []).enumerated() {
            if let name = container["name"]?.scalarText { report(containerName, name, field: "containers", what: "container \(offset + 1) name") }
            if let image = container["image"]?.scalarText { report(self.image, image, field: "containers", what: "container \(offset + 1) image") }
        }
        for header in resource.strings("request_headers") { report(self.header, header, field: "request_headers", what: "request header") }
        if resource.kind == .restAPI || resource.kind == .httpAPI {
            if let stage = resource.string("stage_name") {
                report(resource.kind == .restAPI ? restStage : httpStage, stage, field: "stage_name", what: "`stage_name`")
            }
            for route in resource.strings("routes") {
                if let problem = routeProblem(route, http: resource.kind == .httpAPI) {
                    bag.error(
                        .invalidAWSValue, "route '\(route.debugDescription.dropFirst().dropLast())' of '\(resource.id)' \(problem)",
                        at: resource.location(of: "routes"),
                        help: "AWS rule for a route key: `METHOD /path` with METHOD one of \(methods.joined(separator: ", ")), path segments of letters, digits and `-._~`, `{name}` parameters and a greedy `{name+}` only last\(resource.kind == .httpAPI ? ", or `$default`" : "")")
                }
            }
        }
    }

    static let methods = ["ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

    static func routeProblem(_ route: String, http: Bool) -> String? {
        if http && route == "$default" || AWSValuePlaceholders.contains(route) { return nil }
        let parts = route.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "is not `METHOD /path` (one space between them)" }
        guard methods.contains(String(parts[0])) else { return "has method '\(parts[0])', which is not one of \(methods.joined(separator: ", "))" }
        let path = String(parts[1])
        guard path.hasPrefix("/") else { return "has a path that does not start with `/`" }
        if path == "/" { return nil }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let text = String(segment)
            if Pattern("[A-Za-z0-9._~-]+").matchesWhole(text) { continue }
            if Pattern("\\{[A-Za-z_][A-Za-z0-9_]*\\}").matchesWhole(text) { continue }
            if Pattern("\\{[A-Za-z_][A-Za-z0-9_]*\\+\\}").matchesWhole(text) {
                if index == segments.count - 1 { continue }
                return "has the greedy segment '\(text)' before the end"
            }
            return "has the path segment '\(text)', which AWS does not accept"
        }
        return nil
    }

    static func cidrProblem(_ cidr: String) -> String? {
        if AWSValuePlaceholders.contains(cidr) { return nil }
        let parts = cidr.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]), String(prefix) == parts[1] else { return "not `a.b.c.d/n`" }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return "not four octets" }
        var address: UInt32 = 0
        for octet in octets {
            guard let value = UInt32(octet), value <= 255, String(value) == octet else { return "octet '\(octet)' is not 0-255" }
            address = address << 8 | value
        }
        guard (16...28).contains(prefix) else { return "the prefix /\(prefix) is outside /16 to /28" }
        let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << (32 - UInt32(prefix))
        guard address & ~mask == 0 else { return "host bits are set" }
        return nil
    }

    /// The form only: a zone name (`us-east-1a`) or a zone id (`use1-az4`). Whether the
    /// zone belongs to the topology's region is lint's `az-outside-region`.
    static func zoneProblem(_ zone: String, region: String?) -> String? {
        if AWSValuePlaceholders.contains(zone) { return nil }
        if Pattern(self.zone.pattern).matchesWhole(zone) { return nil }
        if Pattern("[a-z]{2,5}[0-9]-az[0-9]+").matchesWhole(zone) { return nil }
        return "is not an availability zone name (`us-east-1a`) or id (`use1-az4`)"
    }
}
