import Foundation
import TopographModel

/// What a stage declares of the newer kinds and the runbook does not create: each takes
/// something the topology does not hold (an IAM role and a definition for a state machine or a
/// schedule, a launch template, a cluster's node role) or is provisioned for tens of minutes
/// by the team's infrastructure code (EKS, MSK, MQ, OpenSearch). The runbook finds each by its
/// declared name and stops with what is missing, before anything uses it.
extension RunbookBuilder {
    func found(in stage: StageTopology) -> [FoundResourceContext] {
        stage.resources.filter(includes).compactMap { resource in
            guard let lookup = foundLookup(resource, in: stage) else { return nil }
            let title = resource.kind.spec?.title ?? resource.kind.rawValue
            let variable = RunbookNames.variable(resource.id) + "_FOUND"
            return FoundResourceContext(
                kindTitle: title, label: ProseText(resource.id), name: ShellWord(resource.name), variable: variable,
                lookup: "\(variable)=$(\(lookup) --output text)\n[ \"$\(variable)\" != None ] || \(variable)=\"\"",
                guardLine: ": \"${\(variable):?\(Self.guardMessage(title: title, name: resource.name))}\"")
        }
    }

    /// The guard's message, kept to characters that are plain text inside `${X:?...}`.
    static func guardMessage(title: String, name: String) -> String {
        let safe = name.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) || "-_./:".unicodeScalars.contains($0) }
        return "no \(title) named \(String(String.UnicodeScalarView(safe))) in the account: create it (a prerequisite of this runbook) and run the block again"
    }

    /// How a found kind is listed: `aws <command>`, the list in the answer, the field that
    /// holds the name and the field printed (an id or an ARN). A distribution has no name: it
    /// is found by its comment, which carries it.
    static let listings: [KindID: (command: String, collection: String, field: String, select: String)] = [
        .stepFunctions: ("stepfunctions list-state-machines", "stateMachines", "name", "stateMachineArn"),
        .mq: ("mq list-brokers", "BrokerSummaries", "BrokerName", "BrokerId"),
        .elbClassic: ("elb describe-load-balancers", "LoadBalancerDescriptions", "LoadBalancerName", "DNSName"),
        .autoscalingGroup: ("autoscaling describe-auto-scaling-groups", "AutoScalingGroups", "AutoScalingGroupName", "AutoScalingGroupARN"),
        .documentdb: ("docdb describe-db-clusters", "DBClusters", "DBClusterIdentifier", "DBClusterArn"),
        .memorydb: ("memorydb describe-clusters", "Clusters", "Name", "ARN"),
        .appsync: ("appsync list-graphql-apis", "graphqlApis", "name", "apiId"),
        .batch: ("batch describe-compute-environments", "computeEnvironments", "computeEnvironmentName", "computeEnvironmentArn"),
        .websocketAPI: ("apigatewayv2 get-apis", "Items", "Name", "ApiId"),
        .cloudfront: ("cloudfront list-distributions", "DistributionList.Items", "Comment", "Id"),
    ]

    /// The command (without `--output`) that prints the resource's id or ARN, `None` when absent.
    func foundLookup(_ resource: Resource, in stage: StageTopology) -> String? {
        let name = resource.name
        let q = Self.q
        /// A list of names (`clusters`, `DeliveryStreamNames`): the name itself when present.
        func named(_ collection: String) -> String { q("\(collection)[?@==\(RunbookNames.literal(name))] | [0]") }
        if let listing = Self.listings[resource.kind] {
            return "aws \(listing.command) --query \(RunbookNames.lookup(listing.collection, listing.field, name, select: listing.select).renderText)"
        }
        switch resource.kind {
        case .eksCluster:
            return "aws eks list-clusters --query \(named("clusters"))"
        case .eksNodegroup:
            guard let cluster = (resource.string("cluster") ?? resource.string("in")).flatMap({ stage.resource($0) }), cluster.kind == .eksCluster else { return nil }
            return "aws eks list-nodegroups --cluster-name \(q(cluster.name)) --query \(named("nodegroups"))"
        case .firehose:
            return "aws firehose list-delivery-streams --query \(named("DeliveryStreamNames"))"
        case .msk:
            return "aws kafka list-clusters-v2 --cluster-name-filter \(q(name)) --query \(RunbookNames.lookup("ClusterInfoList", "ClusterName", name, select: "ClusterArn").renderText)"
        case .opensearch where resource.bool("serverless") == true:
            return "aws opensearchserverless list-collections --query \(RunbookNames.lookup("collectionSummaries", "name", name, select: "id").renderText)"
        case .opensearch:
            return "aws opensearch list-domain-names --query \(RunbookNames.lookup("DomainNames", "DomainName", name, select: "DomainName").renderText)"
        case .scheduler:
            return "aws scheduler list-schedules --name-prefix \(q(name)) --query \(RunbookNames.lookup("Schedules", "Name", name, select: "Arn").renderText)"
        case .eventBridgePipe:
            return "aws pipes list-pipes --name-prefix \(q(name)) --query \(RunbookNames.lookup("Pipes", "Name", name, select: "Arn").renderText)"
        case .cloudwatchAlarm where alarm(resource, in: stage) == nil:
            return "aws cloudwatch describe-alarms --alarm-names \(q(name)) --query 'MetricAlarms[0].AlarmArn'"
        default:
            return nil
        }
    }
}
