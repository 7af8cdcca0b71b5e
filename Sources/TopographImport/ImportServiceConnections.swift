import TopographModel

/// Connections the new kinds prove: a classic load balancer to the fleet registered with
/// it, an alarm to what its actions notify or scale, a delivery stream from its source to
/// its destination (and its transform function).
extension ImportBuilder {
    func connectServices() {
        for balancer in byType["AWS::ElasticLoadBalancing::LoadBalancer"] ?? [] where kindByKey[balancer.key] != nil {
            for instance in nodeKeys(balancer["Instances"]) { addEdge(balancer.key, instance, why: "an instance registered with the load balancer") }
            for group in referrers("AWS::AutoScaling::AutoScalingGroup", "LoadBalancerNames", to: balancer.key) where kindByKey[group.key] != nil {
                addEdge(balancer.key, group.key, why: "the Auto Scaling group registers its instances with the load balancer")
            }
        }
        for alarm in byType["AWS::CloudWatch::Alarm"] ?? [] where kindByKey[alarm.key] != nil {
            for action in (alarm["AlarmActions"]?.referencedKeys ?? []).flatMap(actedOn) {
                addEdge(alarm.key, action, label: "alarm", why: "an action of the alarm")
            }
        }
        for stream in byType["AWS::KinesisFirehose::DeliveryStream"] ?? [] where kindByKey[stream.key] != nil {
            for source in nodeKeys(stream["KinesisStreamSourceConfiguration"]?["KinesisStreamARN"]) {
                addEdge(source, stream.key, label: "records", why: "the delivery stream's source")
            }
            for name in Self.firehoseDestinations {
                guard let destination = stream[name] else { continue }
                for target in nodeKeys(destination["BucketARN"]) + nodeKeys(destination["DomainARN"]) + nodeKeys(destination["CollectionEndpoint"]) {
                    addEdge(stream.key, target, label: "delivers", why: "the delivery stream's destination")
                }
                for function in nodeKeys(destination["ProcessingConfiguration"]) { addEdge(stream.key, function, label: "transform", why: "the delivery stream's transform") }
                break
            }
        }
    }

    /// What an alarm action acts on: a topic or function itself; for a scaling policy, the
    /// group or target it scales.
    func actedOn(_ key: String) -> [String] {
        if kindByKey[key] != nil { return [key] }
        guard let policy = byKey[key] else { return [] }
        switch policy.type {
        case "AWS::AutoScaling::ScalingPolicy": return nodeKeys(policy["AutoScalingGroupName"])
        case "AWS::ApplicationAutoScaling::ScalingPolicy": return nodeKeys(policy["ScalingTargetId"])
        default: return []
        }
    }
}
