import TopographModel

/// Attributes of the streaming, broker, search, database and batch kinds (see
/// `serviceAttributes`).
extension ImportBuilder {
    func streamingAttributes(_ c: inout ImportAttributeCollector, kind: String) {
        switch kind {
        case KindID.kinesisStream.rawValue:
            c.put("name", c.text("Name"))
            let mode = c["StreamModeDetails"]?["StreamMode"]?.literal
            c.put("mode", mode.map { .string($0 == "ON_DEMAND" ? "on-demand" : $0.lowercased()) })
            c.put("shards", mode == "ON_DEMAND" ? nil : c.int(c["ShardCount"]))
            c.put("retention_hours", c.int(c["RetentionPeriodHours"]))
            if let encryption = c["StreamEncryption"] {
                c.put("encrypted", .bool(encryption["EncryptionType"]?.literal == "KMS"))
                c.put("kms_key", c.id(encryption["KeyId"]))
            }
        case KindID.firehose.rawValue:
            c.put("name", c.text("DeliveryStreamName"))
            c.put("source", c.id(c["KinesisStreamSourceConfiguration"]?["KinesisStreamARN"]))
            let resource = c.resource
            let destination = Self.firehoseDestinations.lazy.compactMap { resource[$0] }.first
            c.put("destination", c.id(destination?["BucketARN"]) ?? c.id(destination?["DomainARN"]) ?? c.id(destination?["CollectionEndpoint"]))
            if let backup = destination?["S3Configuration"]?["BucketARN"] { c.put("backup", c.id(backup)) }
            c.put("buffer_seconds", c.int(destination?["BufferingHints"]?["IntervalInSeconds"]))
            c.put("buffer_mb", c.int(destination?["BufferingHints"]?["SizeInMBs"]))
            let processors = destination?["ProcessingConfiguration"]?["Processors"]?.list ?? []
            c.put("transform", c.id(processors.lazy.flatMap { $0["Parameters"]?.list ?? [] }.first { $0["ParameterName"]?.literal == "LambdaArn" }?["ParameterValue"]))
        case KindID.msk.rawValue:
            c.put("name", c.text("ClusterName"))
            c.put("kafka_version", c.string(c["KafkaVersion"]))
            c.put("brokers", c.int(c["NumberOfBrokerNodes"]))
            c.put("broker_type", c.string(c["BrokerNodeGroupInfo"]?["InstanceType"]))
            if c.resource.type == "AWS::MSK::ServerlessCluster" { c.put("serverless", .bool(true)) }
        case KindID.mq.rawValue:
            c.put("name", c.text("BrokerName"))
            c.put("engine", c["EngineType"]?.literal.map { .string($0.lowercased()) })
            c.put("engine_version", c.string(c["EngineVersion"]))
            c.put("deployment", c["DeploymentMode"]?.literal.map { .string($0.lowercased().replacingOccurrences(of: "_", with: "-")) })
            c.put("broker_type", c.string(c["HostInstanceType"]))
            c.put("public", c.flag(c["PubliclyAccessible"]))
        case KindID.opensearch.rawValue:
            c.put("name", c.text("DomainName", "Name"))
            if c.resource.type == "AWS::OpenSearchServerless::Collection" {
                c.put("serverless", .bool(true))
            } else {
                c.put("engine_version", c.string(c["EngineVersion"] ?? c["ElasticsearchVersion"]))
                let cluster = c["ClusterConfig"] ?? c["ElasticsearchClusterConfig"]
                c.put("data_nodes", c.int(cluster?["InstanceCount"]))
                c.put("data_node_type", c.string(cluster?["InstanceType"]))
                c.put("node_to_node_encryption", c.flag(c["NodeToNodeEncryptionOptions"]?["Enabled"]))
                c.put("https_required", c.flag(c["DomainEndpointOptions"]?["EnforceHTTPS"]))
                c.put("encrypted", c.flag(c["EncryptionAtRestOptions"]?["Enabled"]))
            }
        case KindID.documentdb.rawValue:
            c.put("name", c.text("DBClusterIdentifier", "ClusterName"))
            c.put("engine_version", c.string(c["EngineVersion"]))
            c.put("backup_retention", c.int(c["BackupRetentionPeriod"]))
            c.put("encrypted", c.flag(c["StorageEncrypted"]))
        case KindID.memorydb.rawValue:
            c.put("name", c.text("ClusterName"))
            c.put("engine", c.string(c["Engine"]))
            c.put("node_type", c.string(c["NodeType"]))
            c.put("shards", c.int(c["NumShards"]))
            c.put("replicas", c.int(c["NumReplicasPerShard"]))
            c.put("tls", c.flag(c["TLSEnabled"]))
            c.put("acl", c.string(c["ACLName"]))
        case KindID.appsync.rawValue:
            c.put("name", c.text("Name"))
            c.put("auth", c.string(c["AuthenticationType"]))
            c.put("visibility", c.string(c["Visibility"]))
            c.put("xray", c.flag(c["XrayEnabled"]))
        case KindID.batch.rawValue:
            c.put("name", c.text("ComputeEnvironmentName"))
            let compute = c["ComputeResources"]
            c.put("compute", c.string(compute?["Type"]))
            c.put("min_vcpus", c.int(compute?["MinvCpus"]))
            c.put("max_vcpus", c.int(compute?["MaxvCpus"]))
            c.put("instance_types", c.strings(compute?["InstanceTypes"]))
        default:
            fleetAttributes(&c, kind: kind)
        }
    }

    /// Where a delivery stream delivers, in the order CloudFormation's types list them.
    static let firehoseDestinations = [
        "ExtendedS3DestinationConfiguration", "S3DestinationConfiguration", "AmazonopensearchserviceDestinationConfiguration",
        "ElasticsearchDestinationConfiguration", "AmazonOpenSearchServerlessDestinationConfiguration",
    ]
}
