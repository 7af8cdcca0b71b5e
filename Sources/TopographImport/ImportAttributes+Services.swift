import TopographModel
import TopographInput

/// The attributes of the messaging, event and monitoring kinds and EC2 fleets, from the
/// properties their CloudFormation types (and what `import aws` reads into them) say.
extension ImportBuilder {
    func serviceAttributes(of resource: IaCResource, kind: String) -> [(String, AttributeValue)] {
        var c = ImportAttributeCollector(self, resource, kind: kind)
        switch kind {
        case KindID.sqs.rawValue:
            c.put("name", c.text("QueueName"))
            c.put("fifo", c.flag(c["FifoQueue"]))
            c.put("visibility_timeout", c.int(c["VisibilityTimeout"]))
            c.put("retention", c.int(c["MessageRetentionPeriod"]))
            c.put("delay", c.int(c["DelaySeconds"]))
            c.put("dlq", c.id(c["RedrivePolicy"]?["deadLetterTargetArn"]))
            c.put("max_receive_count", c.int(c["RedrivePolicy"]?["maxReceiveCount"]))
            c.put("kms_key", c.id(c["KmsMasterKeyId"]))
        case KindID.sns.rawValue:
            c.put("name", c.text("TopicName"))
            c.put("fifo", c.flag(c["FifoTopic"]))
            c.put("kms_key", c.id(c["KmsMasterKeyId"]))
            if c["KmsMasterKeyId"]?.text != nil { c.put("encrypted", .bool(true)) }
        case KindID.eventBridgeBus.rawValue:
            c.put("name", c.text("Name"))
            c.put("kms_key", c.id(c["KmsKeyIdentifier"]))
        case KindID.eventBridgeRule.rawValue:
            c.put("name", c.text("Name"))
            c.put("bus", c.id(c["EventBusName"]))
            c.put("schedule", c.string(c["ScheduleExpression"]))
            if let state = c["State"]?.literal { c.put("enabled", .bool(state.uppercased() == "ENABLED")) }
            let targets = c["Targets"]?.list ?? []
            c.put("targets", c.ids(targets.map { $0["Arn"] }))
            c.put("dlq", c.id(targets.lazy.compactMap { $0["DeadLetterConfig"]?["Arn"] }.first))
            c.put("retry_attempts", c.int(targets.lazy.compactMap { $0["RetryPolicy"]?["MaximumRetryAttempts"] }.first))
        case KindID.eventBridgePipe.rawValue:
            c.put("name", c.text("Name"))
            c.put("source", c.id(c["Source"]))
            c.put("target", c.id(c["Target"]))
            c.put("enrichment", c.id(c["Enrichment"]))
        case KindID.scheduler.rawValue:
            c.put("name", c.text("Name"))
            c.put("schedule", c.string(c["ScheduleExpression"]))
            c.put("timezone", c.string(c["ScheduleExpressionTimezone"]))
            c.put("target", c.id(c["Target"]?["Arn"]))
            c.put("group", c.string(c["GroupName"]))
            c.put("dlq", c.id(c["Target"]?["DeadLetterConfig"]?["Arn"]))
        case KindID.stepFunctions.rawValue:
            c.put("name", c.text("StateMachineName", "Name"))
            c.put("type", c.string(c["StateMachineType"] ?? c["Type"]))
            c.put("logging", c.string(c["LoggingConfiguration"]?["Level"]))
            c.put("tracing", c.flag(c["TracingConfiguration"]?["Enabled"]))
        case KindID.cloudwatchAlarm.rawValue:
            alarmAttributes(&c)
        case KindID.autoscalingGroup.rawValue:
            c.put("name", c.text("AutoScalingGroupName"))
            c.put("instance_type", c.string(c["InstanceType"]) ?? instanceType(ofGroup: resource).map { .string($0) })
            c.put("launch_template", c.string(c["LaunchTemplate"]?["LaunchTemplateName"]))
            c.put("min", c.int(c["MinSize"]))
            c.put("max", c.int(c["MaxSize"]))
            c.put("desired", c.int(c["DesiredCapacity"]))
            c.put("health_check_type", c.string(c["HealthCheckType"]))
            c.put("health_check_grace", c.int(c["HealthCheckGracePeriod"]))
            c.put("load_balancers", c.ids([c["LoadBalancerNames"]]))
        default:
            streamingAttributes(&c, kind: kind)
        }
        return c.result + lifecycleAttributes(of: resource, kind: kind)
    }

    func alarmAttributes(_ c: inout ImportAttributeCollector) {
        c.put("name", c.text("AlarmName"))
        c.put("metric_namespace", c.string(c["Namespace"]))
        c.put("metric", c.string(c["MetricName"]))
        c.put("statistic", c.string(c["Statistic"]))
        c.put("comparison", c.string(c["ComparisonOperator"]))
        c.put("threshold", c.int(c["Threshold"]))
        c.put("period", c.int(c["Period"]))
        c.put("evaluation_periods", c.int(c["EvaluationPeriods"]))
        c.put("missing_data", c.string(c["TreatMissingData"]))
        if case .list(let watched)? = c.ids((c["Dimensions"]?.list ?? []).map { $0["Value"] }), let first = watched.first { c.put("watches", first) }
        c.put("actions", c.ids([c["AlarmActions"]]))
    }
}
