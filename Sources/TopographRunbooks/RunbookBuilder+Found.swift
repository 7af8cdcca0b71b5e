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

    /// The command (without `--output`) that prints the resource's id or ARN, `None` when absent.
    func foundLookup(_ resource: Resource, in stage: StageTopology) -> String? {
        let name = resource.name
        let q = Self.q
        switch resource.kind {
        case .stepFunctions:
            return "aws stepfunctions list-state-machines --query \(RunbookNames.lookup("stateMachines", "name", name, select: "stateMachineArn").renderText)"
        case .eksCluster:
            return "aws eks list-clusters --query \(q("clusters[?@==\(RunbookNames.literal(name))] | [0]"))"
        case .eksNodegroup:
            guard let cluster = (resource.string("cluster") ?? resource.string("in")).flatMap({ stage.resource($0) }), cluster.kind == .eksCluster else { return nil }
            return "aws eks list-nodegroups --cluster-name \(q(cluster.name)) --query \(q("nodegroups[?@==\(RunbookNames.literal(name))] | [0]"))"
        case .msk:
            return "aws kafka list-clusters-v2 --cluster-name-filter \(q(name)) --query \(RunbookNames.lookup("ClusterInfoList", "ClusterName", name, select: "ClusterArn").renderText)"
        case .mq:
            return "aws mq list-brokers --query \(RunbookNames.lookup("BrokerSummaries", "BrokerName", name, select: "BrokerId").renderText)"
        case .opensearch where resource.bool("serverless") == true:
            return "aws opensearchserverless list-collections --query \(RunbookNames.lookup("collectionSummaries", "name", name, select: "id").renderText)"
        case .opensearch:
            return "aws opensearch list-domain-names --query \(RunbookNames.lookup("DomainNames", "DomainName", name, select: "DomainName").renderText)"
        case .firehose:
            return "aws firehose list-delivery-streams --query \(q("DeliveryStreamNames[?@==\(RunbookNames.literal(name))] | [0]"))"
        case .elbClassic:
            return "aws elb describe-load-balancers --query \(RunbookNames.lookup("LoadBalancerDescriptions", "LoadBalancerName", name, select: "DNSName").renderText)"
        case .autoscalingGroup:
            return "aws autoscaling describe-auto-scaling-groups --query \(RunbookNames.lookup("AutoScalingGroups", "AutoScalingGroupName", name, select: "AutoScalingGroupARN").renderText)"
        case .scheduler:
            return "aws scheduler list-schedules --name-prefix \(q(name)) --query \(RunbookNames.lookup("Schedules", "Name", name, select: "Arn").renderText)"
        case .eventBridgePipe:
            return "aws pipes list-pipes --name-prefix \(q(name)) --query \(RunbookNames.lookup("Pipes", "Name", name, select: "Arn").renderText)"
        case .documentdb:
            return "aws docdb describe-db-clusters --query \(RunbookNames.lookup("DBClusters", "DBClusterIdentifier", name, select: "DBClusterArn").renderText)"
        case .memorydb:
            return "aws memorydb describe-clusters --query \(RunbookNames.lookup("Clusters", "Name", name, select: "ARN").renderText)"
        case .appsync:
            return "aws appsync list-graphql-apis --query \(RunbookNames.lookup("graphqlApis", "name", name, select: "apiId").renderText)"
        case .batch:
            return "aws batch describe-compute-environments --query \(RunbookNames.lookup("computeEnvironments", "computeEnvironmentName", name, select: "computeEnvironmentArn").renderText)"
        case .websocketAPI:
            return "aws apigatewayv2 get-apis --query \(RunbookNames.lookup("Items", "Name", name, select: "ApiId").renderText)"
        case .cloudfront:
            // A distribution has no name: the runbooks find it by its comment, which carries it.
            return "aws cloudfront list-distributions --query \(RunbookNames.lookup("DistributionList.Items", "Comment", name, select: "Id").renderText)"
        case .cloudwatchAlarm where alarm(resource, in: stage) == nil:
            return "aws cloudwatch describe-alarms --alarm-names \(q(name)) --query 'MetricAlarms[0].AlarmArn'"
        default:
            return nil
        }
    }
}
