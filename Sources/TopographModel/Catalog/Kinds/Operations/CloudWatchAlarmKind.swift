extension KindID {
    package static let cloudwatchAlarm = KindID("cloudwatch-alarm")
}

extension KindSpec {
    /// A CloudWatch metric (or composite) alarm; a connection from it is an alarm action.
    static let cloudwatchAlarm = KindSpec(
        .cloudwatchAlarm, .operations, title: "CloudWatch alarm",
        summary: "Watches one metric of a resource against a threshold and acts when it changes state (notifies a topic, scales a group); each connection out of it is an action.",
        attributes: [
            AttributeSpec("watches", .reference([]), "Id of the resource whose metric it watches."),
            AttributeSpec(
                "metric_namespace", .string, "The metric's namespace, e.g. AWS/SQS.",
                rule: AWSValueRule("a metric namespace", "1 to 255 letters, digits and `.-_/#:`", pattern: "[A-Za-z0-9.\\-_/#:]+", maxLength: 255)),
            AttributeSpec("metric", .string, "The metric name, e.g. ApproximateAgeOfOldestMessage."),
            AttributeSpec("statistic", .oneOf(["Average", "Sum", "Minimum", "Maximum", "SampleCount"]), "Statistic of the metric."),
            AttributeSpec(
                "comparison", .oneOf(["GreaterThanThreshold", "GreaterThanOrEqualToThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold"]),
                "How the statistic is compared with the threshold."),
            AttributeSpec("threshold", .int, "The threshold value."),
            AttributeSpec("period", .int, "Seconds per datapoint: 10, 20, 30 or a multiple of 60.", range: 10...86_400),
            AttributeSpec("evaluation_periods", .int, "Datapoints that must breach (1 or more; period x evaluation_periods at most one day).", range: 1...86_400),
            AttributeSpec("actions", .list(.reference([])), "Ids of what it notifies or triggers in ALARM (a connection from the alarm says the same)."),
            AttributeSpec("missing_data", .oneOf(["breaching", "notBreaching", "ignore", "missing"]), "How missing datapoints count (AWS default missing)."),
        ],
        shape: .document,
        example: "queue-age-alarm: { kind: cloudwatch-alarm, watches: dlq, metric_namespace: AWS/SQS, metric: ApproximateNumberOfMessagesVisible, threshold: 1, comparison: GreaterThanOrEqualToThreshold, period: 60, evaluation_periods: 1, actions: [alerts] }",
        scope: .regional,
        icon: KindIcon(diagrams: "aws/management/cloudwatch-alarm.png", assetPackage: ["Res_Amazon-CloudWatch_Alarm", "Arch_Amazon-CloudWatch"]),
        iacTypes: KindIaCTypes(
            cloudFormation: ["AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm"],
            terraform: ["aws_cloudwatch_metric_alarm", "aws_cloudwatch_composite_alarm"]),
        diffTraits: KindDiffTraits(unordered: ["actions"], key: ["watches", "metric", "threshold", "comparison", "actions"]),
        nameRule: AWSValueRule(
            "an alarm name", "1 to 255 printable characters", pattern: "[A-Za-z0-9 _.:/=+@()#,-]+", maxLength: 255),
        createdAfter: .autoscaling, connectionMeaning: "alarm action",
        idWords: ["alarm", "cloudwatch"], isExtension: true)
}
