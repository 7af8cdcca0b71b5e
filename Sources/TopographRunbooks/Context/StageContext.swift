import TopographModel

// The typed contract between `RunbookBuilder` and the templates. Every value that reaches
// a command is a `ShellWord` (rendered as one quoted shell word), every value that reaches
// prose a `ProseText` or a `ShellWord`'s `.code`; shell variable names are generated from
// resource ids (`[A-Z0-9_]`) and are plain strings. `RunbookContexts.all` registers every
// type with its field docs; the strict-mode test and Docs/runbooks.md's variable table are
// built from that list.

/// A runbook section a template renders: its fields, documented.
package protocol RunbookSectionContext: Encodable, Sendable {
    /// One line per field, what it holds (the variable table in Docs/runbooks.md).
    static var fieldDocs: KeyValuePairs<String, String> { get }
}

package struct StageContext: RunbookSectionContext {
    package var marker: String
    package var title: ProseText
    package var hasStage: Bool
    package var stageName: ProseText
    package var stageTitle: ProseText
    /// The stage's own Markdown description, as the user wrote it.
    package var stageDescription: String
    package var source: ShellWord
    package var setup: SetupContext
    package var gateways: GatewaysContext?
    package var endpoints: [EndpointContext]
    package var images: [ImageContext]
    package var roles: RolesContext?
    package var loadBalancers: [LoadBalancerContext]
    package var records: [AliasRecordContext]
    package var services: [ServiceContext]
    package var databases: [DatabaseContext]
    package var sessionStores: [SessionStoreContext]
    package var httpApis: [HTTPAPIContext]
    package var restApis: [RESTAPIContext]
    package var smokeTests: [SmokeTestContext]
    package var loadTest: LoadTestContext?
    package var autoscaling: [ScalingContext]
    package var blockPrefix: String
    package var rollback: [MigrationRemoval]
    package var hasRollback: Bool
    package var rollbackConfirm: String
    /// Checks of queues, topics, rules, state machines, EKS, EFS and alarms (a section of its own).
    package var serviceChecks: ServiceChecksContext
    /// Keys, queues, topics, streams, buses, rules, secrets, file systems and alarms the runbook creates.
    package var provisioned: [ProvisionContext]
    /// What the stage declares of the newer kinds and the runbook finds (with a guard) instead.
    package var found: [FoundResourceContext]

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "marker": "the generated-file marker comment (source and stage)",
        "title": "the topology's title, Markdown-escaped",
        "hasStage": "true unless the topology has only the implicit `default` stage",
        "stageName": "the stage's name",
        "stageTitle": "the stage's title (empty when none)",
        "stageDescription": "the stage's Markdown description, as written",
        "source": "the topology file's path",
        "setup": "the set-up block: region, account, VPC, subnets, security groups",
        "gateways": "the internet gateway and NAT gateways the stage declares (absent when none)",
        "endpoints": "VPC endpoints to look up or create and check",
        "images": "ECR repositories and the images pushed to them",
        "roles": "the ECS task execution and task roles (present when the stage has ECS services)",
        "loadBalancers": "ALBs and NLBs with their target groups, listeners and path rules",
        "records": "Route 53 alias records pointing at load balancers",
        "services": "ECS services: task definition, create-or-update, ECS Exec",
        "databases": "RDS and Aurora databases, with the bastion or task to reach them from",
        "sessionStores": "Redis session stores and caches with a key pattern",
        "httpApis": "HTTP APIs: VPC link, integration, authorizer, routes, stage",
        "restApis": "REST APIs: VPC link, resources, methods, authorizer, integrations, deployment, WAF",
        "smokeTests": "curl checks per entry point and route",
        "loadTest": "the vegeta load test over the entry points (absent when there is none)",
        "autoscaling": "autoscaling policies and alarms",
        "blockPrefix": "the prefix of the runbook's block names (`v2-`; `v2-to-v3-` in a migration; empty without stages)",
        "rollback": "what the stage's runbook created, dependents first, each with its delete commands (the rollback section)",
        "hasRollback": "whether the runbook creates anything it knows how to delete",
        "rollbackConfirm": "the value `CONFIRM_REMOVE` must have for the rollback blocks to run (`rollback-V2`), a shell word",
        "serviceChecks": "operator checks of queues, topics, EventBridge rules, state machines, EKS clusters, EFS and alarms",
        "provisioned": "KMS keys, SQS queues, SNS topics, Kinesis streams, EventBridge buses and rules, secrets, EFS and alarms: found by name, else created, then given their declared attributes",
        "found": "state machines, EKS clusters and node groups, MSK, MQ, OpenSearch, Firehose, classic ELBs, Auto Scaling groups, schedules, pipes, ... the runbook finds by name and stops without",
    ]
}

package struct SetupContext: RunbookSectionContext {
    package var region: ShellWord
    package var hasVpc: Bool
    package var vpcFilter: ShellWord
    package var subnets: [SubnetContext]
    package var securityGroups: [SecurityGroupContext]
    package var rules: [IngressRuleContext]
    package var attachments: [GroupAttachmentContext]

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "region": "the topology's region (`AWS_REGION`)",
        "hasVpc": "whether the stage has a VPC (`VPC_ID` is looked up)",
        "vpcFilter": "the `describe-vpcs` filter finding the VPC (by CIDR, else by Name tag)",
        "subnets": "subnets looked up into `SUBNET_<ID>` variables",
        "securityGroups": "security groups looked up or created into `<ID>_SG` variables",
        "rules": "one ingress rule per connection into a security group (caller's group or 0.0.0.0/0, the callee's port)",
        "attachments": "existing databases, Redis groups and hosts joining the group made for them",
    ]
}

package struct SubnetContext: RunbookSectionContext {
    package var variable: String
    package var filter: ShellWord
    package var label: ShellWord
    package var guardLine: String

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "variable": "the shell variable that holds the subnet id (`SUBNET_PRIVATE_A`)",
        "filter": "the `describe-subnets` filter (CIDR block, else Name tag)",
        "label": "the subnet's id in the topology",
        "guardLine": "`: \"${SUBNET_X:?...}\"`: stops the block when the look-up found nothing",
    ]
}

package struct SecurityGroupContext: RunbookSectionContext {
    package var variable: String
    package var name: ShellWord
    package var purpose: ShellWord
    package var lookupQuery: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "variable": "the shell variable that holds the group id",
        "name": "the group's name (`<topology>-<resource>`)",
        "purpose": "the group's description",
        "lookupQuery": "the JMESPath query that finds the group by name",
    ]
}

package struct RolesContext: RunbookSectionContext {
    package var executionRole: ShellWord
    package var taskRole: ShellWord
    package var executionLookup: ShellWord
    package var taskLookup: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "executionRole": "the task execution role's name (pulls images, writes logs)",
        "taskRole": "the task role's name (what the containers may call; ECS Exec's ssmmessages)",
        "executionLookup": "the `list-roles` query finding the execution role",
        "taskLookup": "the `list-roles` query finding the task role",
    ]
}

package struct EndpointContext: RunbookSectionContext {
    package var id: ShellWord
    package var variable: String
    package var serviceName: ShellWord
    package var isInterface: Bool
    package var privateDNS: Bool
    package var subnetWords: String
    package var securityGroupVariable: String
    package var lookupFilter: ShellWord
    package var privateDNSName: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "id": "the endpoint's id in the topology",
        "variable": "the shell variable that holds the endpoint id",
        "serviceName": "`com.amazonaws.<region>.<service>`",
        "isInterface": "an interface (PrivateLink) endpoint, else a gateway endpoint",
        "privateDNS": "whether private DNS names are on",
        "subnetWords": "the subnet variables, as quoted shell words",
        "securityGroupVariable": "the variable of the endpoint's security group",
        "lookupFilter": "the `describe-vpc-endpoints` filter on the service name",
        "privateDNSName": "the service's DNS name a task resolves to check private DNS",
    ]
}

package struct ImageContext: RunbookSectionContext {
    package var repository: ShellWord
    package var variable: String
    package var lookupQuery: ShellWord
    package var images: [ImagePush]
    package var hasImages: Bool

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "repository": "the ECR repository name",
        "variable": "the shell variable that holds the repository URI",
        "lookupQuery": "the `describe-repositories` query finding the repository",
        "images": "the services' images pushed to it",
        "hasImages": "whether any service's image goes to it",
    ]
}

package struct ImagePush: RunbookSectionContext {
    package var local: ShellWord
    package var tag: String
    package var service: ProseText
    package var imageVariable: String
    package var sourceVariable: String
    package var uri: String
    package var sourceWord: String

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "local": "the local image name `docker build` tags",
        "tag": "the image tag (the part after `:`), a shell-safe word",
        "service": "the service whose image it is",
        "imageVariable": "the variable the pushed URI is kept in for the task definition",
        "sourceVariable": "the variable naming the directory with the service's Dockerfile (default `.`)",
        "uri": "the pushed URI, double-quoted: the repository variable and the tag",
        "sourceWord": "`\"${<SERVICE>_SOURCE:=.}\"`: the build directory, `.` unless set before",
    ]
}

extension StageContext {
    func withRollbackFlag() -> StageContext {
        var copy = self
        copy.hasRollback = rollback.contains { $0.hasCommands }
        return copy
    }
}
