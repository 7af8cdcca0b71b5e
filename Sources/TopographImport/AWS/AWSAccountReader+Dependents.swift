/// Lists that only matter when another list has something: a region without load balancers
/// needs no target groups, one without topics no subscriptions. Each CLI call costs a
/// process (~0.5 s of CPU), so they wait for their parents (one more round, made in
/// parallel) and are skipped when every parent is empty. A parent that could not be read
/// does not skip anything.
extension AWSAccountReader {
    /// Each dependent list with the parent lists (call, key of its list in the answer) that
    /// make it worth calling.
    static let dependentLists: [(call: AWSCall, parents: [(AWSCall, [String])])] = [
        (AWSCall("elbv2", "describe-target-groups"), [(AWSCall("elbv2", "describe-load-balancers"), ["LoadBalancers"])]),
        (AWSCall("servicediscovery", "list-services"), [(AWSCall("servicediscovery", "list-namespaces"), ["Namespaces"])]),
        (AWSCall("application-autoscaling", "describe-scalable-targets", ["--service-namespace", "ecs"]), [(AWSCall("ecs", "list-clusters"), ["clusterArns"])]),
        (AWSCall("application-autoscaling", "describe-scaling-policies", ["--service-namespace", "ecs"]), [(AWSCall("ecs", "list-clusters"), ["clusterArns"])]),
        (AWSCall("apigateway", "get-vpc-links"), [(AWSCall("apigateway", "get-rest-apis"), ["items"])]),
        (AWSCall("apigatewayv2", "get-vpc-links"), [(AWSCall("apigatewayv2", "get-apis"), ["Items"])]),
        (AWSCall("lambda", "list-event-source-mappings"), [(AWSCall("lambda", "list-functions"), ["Functions"])]),
        (AWSCall("sns", "list-subscriptions"), [(AWSCall("sns", "list-topics"), ["Topics"])]),
        (AWSCall("rds", "describe-db-subnet-groups"), [(AWSCall("rds", "describe-db-instances"), ["DBInstances"]), (AWSCall("rds", "describe-db-clusters"), ["DBClusters"])]),
        (AWSCall("elasticache", "describe-cache-subnet-groups"), [
            (AWSCall("elasticache", "describe-replication-groups"), ["ReplicationGroups"]), (AWSCall("elasticache", "describe-cache-clusters"), ["CacheClusters"]),
            (AWSCall("elasticache", "describe-serverless-caches"), ["ServerlessCaches"]),
        ]),
    ]

    static let dependentCalls: Set<AWSCall> = Set(dependentLists.map(\.call))

    /// The dependent lists worth calling after `parents` answered.
    func dependentCalls(after parents: Fetched) -> [AWSCall] {
        Self.dependentLists.filter { wanted($0.call) }.compactMap { dependent in
            let worth = dependent.parents.contains { call, path in
                guard var answer = parents[call] else { return true }  // not read: nothing to go by
                for key in path { answer = answer[key] }
                return !answer.array.isEmpty
            }
            return worth ? dependent.call : nil
        }
    }
}
