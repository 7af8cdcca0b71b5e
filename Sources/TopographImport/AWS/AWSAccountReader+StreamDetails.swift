import TopographModel

/// The second round of `AWSAccountReader+Streams`: classic load balancer attributes, stream
/// summaries, delivery streams, mount targets and OpenSearch domains.
extension AWSAccountReader {
    func readStreamDetails(_ fetched: Fetched) {
        let b = builder
        for (call, answer) in fetched.sorted(by: { $0.key.arguments.lexicographicallyPrecedes($1.key.arguments) }) {
            switch (call.service, call.operation) {
            case ("elb", "describe-load-balancer-attributes"):
                guard let name = call.arguments.last else { continue }
                let attributes = answer["LoadBalancerAttributes"]
                b.amend(b.arn("elasticloadbalancing", "loadbalancer/\(name)")) { properties in
                    if let crossZone = attributes["CrossZoneLoadBalancing"]["Enabled"].bool { properties["CrossZone"] = .bool(crossZone) }
                    if let draining = attributes["ConnectionDraining"]["Enabled"].bool {
                        properties["ConnectionDrainingPolicy"] = .map([IaCEntry(key: "Enabled", value: .bool(draining))])
                    }
                }
            case ("kinesis", "describe-stream-summary"):
                let summary = answer["StreamDescriptionSummary"]
                guard let arn = summary["StreamARN"].string else { continue }
                b.amend(arn) { properties in
                    if let mode = summary["StreamModeDetails"]["StreamMode"].string { properties["StreamModeDetails"] = .map([IaCEntry(key: "StreamMode", value: .string(mode))]) }
                    if let hours = summary["RetentionPeriodHours"].int { properties["RetentionPeriodHours"] = .number(Double(hours)) }
                    if let shards = summary["OpenShardCount"].int { properties["ShardCount"] = .number(Double(shards)) }
                    if let type = summary["EncryptionType"].string {
                        properties["StreamEncryption"] = .map([IaCEntry(key: "EncryptionType", value: .string(type)), IaCEntry(key: "KeyId", value: b.ref(summary["KeyId"].string) ?? .null)])
                    }
                }
            case ("firehose", "describe-delivery-stream"):
                readDeliveryStream(answer["DeliveryStreamDescription"])
            case ("efs", "describe-mount-targets"):
                for target in answer["MountTargets"].array {
                    guard let id = target["MountTargetId"].string else { continue }
                    b.add(id, "AWS::EFS::MountTarget", ["FileSystemId": b.ref(target["FileSystemId"].string) ?? .null, "SubnetId": b.ref(target["SubnetId"].string) ?? .null],
                          name: id)
                }
            case ("opensearch", "describe-domains"):
                for domain in answer["DomainStatusList"].array {
                    guard let arn = domain["ARN"].string, let name = domain["DomainName"].string else { continue }
                    let cluster = domain["ClusterConfig"]
                    var entries: [IaCEntry] = []
                    if let count = cluster["InstanceCount"].int { entries.append(IaCEntry(key: "InstanceCount", value: .number(Double(count)))) }
                    if let type = cluster["InstanceType"].string { entries.append(IaCEntry(key: "InstanceType", value: .string(type))) }
                    var properties: [String: IaCValue] = ["DomainName": .string(name), "ClusterConfig": .map(entries)]
                    if let version = domain["EngineVersion"].string { properties["EngineVersion"] = .string(version) }
                    for (key, property, field) in [("NodeToNodeEncryptionOptions", "NodeToNodeEncryptionOptions", "Enabled"),
                                                   ("DomainEndpointOptions", "DomainEndpointOptions", "EnforceHTTPS"),
                                                   ("EncryptionAtRestOptions", "EncryptionAtRestOptions", "Enabled")] {
                        if let value = domain[key][field].bool { properties[property] = .map([IaCEntry(key: field, value: .bool(value))]) }
                    }
                    properties["VPCOptions"] = .map([IaCEntry(key: "SubnetIds", value: b.refs(domain["VPCOptions"]["SubnetIds"].strings)),
                                                     IaCEntry(key: "SecurityGroupIds", value: b.refs(domain["VPCOptions"]["SecurityGroupIds"].strings))])
                    b.add(arn, "AWS::OpenSearchService::Domain", properties, name: name, identifiers: [name, domain["Endpoint"].string ?? ""])
                }
            default: break
            }
        }
    }

    /// A delivery stream in CloudFormation's shape: its Kinesis source, its S3 or OpenSearch
    /// destination with buffering, transform function and backup bucket.
    func readDeliveryStream(_ stream: AWSJSON) {
        let b = builder
        guard let arn = stream["DeliveryStreamARN"].string, let name = stream["DeliveryStreamName"].string else { return }
        var properties: [String: IaCValue] = ["DeliveryStreamName": .string(name)]
        if let source = b.ref(stream["Source"]["KinesisStreamSourceDescription"]["KinesisStreamARN"].string) {
            properties["KinesisStreamSourceConfiguration"] = .map([IaCEntry(key: "KinesisStreamARN", value: source)])
        }
        for destination in stream["Destinations"].array {
            let s3 = destination["ExtendedS3DestinationDescription"].isNull ? destination["S3DestinationDescription"] : destination["ExtendedS3DestinationDescription"]
            let search = destination["AmazonopensearchserviceDestinationDescription"].isNull
                ? destination["ElasticsearchDestinationDescription"] : destination["AmazonopensearchserviceDestinationDescription"]
            let chosen = search.isNull ? s3 : search
            guard !chosen.isNull else { continue }
            var entries: [IaCEntry] = []
            if let bucket = b.ref(chosen["BucketARN"].string) { entries.append(IaCEntry(key: "BucketARN", value: bucket)) }
            if let domain = b.ref(chosen["DomainARN"].string) { entries.append(IaCEntry(key: "DomainARN", value: domain)) }
            if let backup = b.ref(chosen["S3DestinationDescription"]["BucketARN"].string) {
                entries.append(IaCEntry(key: "S3Configuration", value: .map([IaCEntry(key: "BucketARN", value: backup)])))
            }
            let hints = chosen["BufferingHints"]
            var buffering: [IaCEntry] = []
            if let seconds = hints["IntervalInSeconds"].int { buffering.append(IaCEntry(key: "IntervalInSeconds", value: .number(Double(seconds)))) }
            if let size = hints["SizeInMBs"].int { buffering.append(IaCEntry(key: "SizeInMBs", value: .number(Double(size)))) }
            if !buffering.isEmpty { entries.append(IaCEntry(key: "BufferingHints", value: .map(buffering))) }
            let processors: [IaCValue] = chosen["ProcessingConfiguration"]["Processors"].array.map { processor in
                .map([IaCEntry(key: "Parameters", value: .list(processor["Parameters"].array.map { parameter in
                    .map([IaCEntry(key: "ParameterName", value: .string(parameter["ParameterName"].string ?? "")),
                          IaCEntry(key: "ParameterValue", value: b.text(parameter["ParameterValue"].string) ?? .null)])
                }))])
            }
            if !processors.isEmpty { entries.append(IaCEntry(key: "ProcessingConfiguration", value: .map([IaCEntry(key: "Processors", value: .list(processors))]))) }
            properties[search.isNull ? "ExtendedS3DestinationConfiguration" : "AmazonopensearchserviceDestinationConfiguration"] = .map(entries)
            break
        }
        b.add(arn, "AWS::KinesisFirehose::DeliveryStream", properties, name: name, identifiers: [name])
    }
}
