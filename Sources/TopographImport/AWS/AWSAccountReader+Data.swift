import TopographModel

/// RDS instances and Aurora clusters, ElastiCache replication groups, clusters and
/// serverless caches, with their subnet groups.
extension AWSAccountReader {
    static let dataCalls: [AWSCall] = [
        AWSCall("rds", "describe-db-instances"), AWSCall("rds", "describe-db-clusters"), AWSCall("rds", "describe-db-subnet-groups"),
        AWSCall("elasticache", "describe-replication-groups"), AWSCall("elasticache", "describe-cache-clusters"),
        AWSCall("elasticache", "describe-cache-subnet-groups"), AWSCall("elasticache", "describe-serverless-caches"),
    ]

    func readData(_ fetched: Fetched) {
        let b = builder
        for group in fetched[AWSCall("rds", "describe-db-subnet-groups")]?["DBSubnetGroups"].array ?? [] {
            guard let name = group["DBSubnetGroupName"].string, !skippedVPCs.contains(group["VpcId"].string ?? "") else { continue }
            b.add("db-subnet-group:\(name)", "AWS::RDS::DBSubnetGroup", ["SubnetIds": b.refs(group["Subnets"].array.compactMap { $0["SubnetIdentifier"].string })], name: name)
        }
        for cluster in fetched[AWSCall("rds", "describe-db-clusters")]?["DBClusters"].array ?? [] {
            guard let id = cluster["DBClusterIdentifier"].string else { continue }
            // The RDS API lists DocumentDB (and Neptune) clusters too; their engine says which.
            if cluster["Engine"].string == "docdb" {
                readDocumentDB(cluster)
                continue
            }
            guard cluster["Engine"].string != "neptune" else { continue }
            var properties: [String: IaCValue] = [
                "DBClusterIdentifier": .string(id), "Engine": .string(cluster["Engine"].string ?? ""),
                "VpcSecurityGroupIds": b.refs(cluster["VpcSecurityGroups"].array.compactMap { $0["VpcSecurityGroupId"].string }),
            ]
            if let group = cluster["DBSubnetGroup"].string { properties["DBSubnetGroupName"] = b.ref("db-subnet-group:\(group)") }
            b.add(cluster["DBClusterArn"].string ?? "db-cluster:\(id)", "AWS::RDS::DBCluster", properties, name: id, identifiers: ["db-cluster:\(id)", id])
        }
        for instance in fetched[AWSCall("rds", "describe-db-instances")]?["DBInstances"].array ?? [] {
            guard let id = instance["DBInstanceIdentifier"].string, !["docdb", "neptune"].contains(instance["Engine"].string ?? "") else { continue }
            var properties: [String: IaCValue] = [
                "DBInstanceIdentifier": .string(id), "Engine": .string(instance["Engine"].string ?? ""),
                "PubliclyAccessible": .bool(instance["PubliclyAccessible"].bool ?? false),
                "MultiAZ": .bool(instance["MultiAZ"].bool ?? false),
                "VPCSecurityGroups": b.refs(instance["VpcSecurityGroups"].array.compactMap { $0["VpcSecurityGroupId"].string }),
            ]
            if let group = instance["DBSubnetGroup"]["DBSubnetGroupName"].string { properties["DBSubnetGroupName"] = b.ref("db-subnet-group:\(group)") }
            if let cluster = instance["DBClusterIdentifier"].string { properties["DBClusterIdentifier"] = b.ref("db-cluster:\(cluster)") }
            if let instanceClass = instance["DBInstanceClass"].string { properties["DBInstanceClass"] = .string(instanceClass) }
            b.add(instance["DBInstanceArn"].string ?? "db:\(id)", "AWS::RDS::DBInstance", properties, name: id, identifiers: [id])
        }
        readCaches(fetched)
    }

    func readDocumentDB(_ cluster: AWSJSON) {
        let b = builder
        guard let id = cluster["DBClusterIdentifier"].string else { return }
        var properties: [String: IaCValue] = [
            "DBClusterIdentifier": .string(id), "StorageEncrypted": .bool(cluster["StorageEncrypted"].bool ?? false),
            "VpcSecurityGroupIds": b.refs(cluster["VpcSecurityGroups"].array.compactMap { $0["VpcSecurityGroupId"].string }),
        ]
        if let version = cluster["EngineVersion"].string { properties["EngineVersion"] = .string(version) }
        if let days = cluster["BackupRetentionPeriod"].int { properties["BackupRetentionPeriod"] = .number(Double(days)) }
        if let group = cluster["DBSubnetGroup"].string { properties["DBSubnetGroupName"] = b.ref("db-subnet-group:\(group)") }
        b.add(cluster["DBClusterArn"].string ?? "docdb-cluster:\(id)", "AWS::DocDB::DBCluster", properties, name: id, identifiers: [id])
    }

    func readCaches(_ fetched: Fetched) {
        let b = builder
        for group in fetched[AWSCall("elasticache", "describe-cache-subnet-groups")]?["CacheSubnetGroups"].array ?? [] {
            guard let name = group["CacheSubnetGroupName"].string, !skippedVPCs.contains(group["VpcId"].string ?? "") else { continue }
            b.add("cache-subnet-group:\(name)", "AWS::ElastiCache::SubnetGroup", ["SubnetIds": b.refs(group["Subnets"].array.compactMap { $0["SubnetIdentifier"].string })], name: name)
        }
        let clusters = fetched[AWSCall("elasticache", "describe-cache-clusters")]?["CacheClusters"].array ?? []
        for group in fetched[AWSCall("elasticache", "describe-replication-groups")]?["ReplicationGroups"].array ?? [] {
            guard let id = group["ReplicationGroupId"].string else { continue }
            // The subnet group, security groups and engine are the member clusters'.
            let member = clusters.first { $0["ReplicationGroupId"].string == id } ?? .null
            var properties: [String: IaCValue] = [
                "ReplicationGroupId": .string(id), "Engine": .string(group["Engine"].string ?? member["Engine"].string ?? "redis"),
                "TransitEncryptionEnabled": .bool(group["TransitEncryptionEnabled"].bool ?? false),
                "MultiAZEnabled": .bool(group["MultiAZ"].string == "enabled"),
                "SecurityGroupIds": b.refs(member["SecurityGroups"].array.compactMap { $0["SecurityGroupId"].string }),
            ]
            if let subnets = member["CacheSubnetGroupName"].string { properties["CacheSubnetGroupName"] = b.ref("cache-subnet-group:\(subnets)") }
            let endpoint = group["ConfigurationEndpoint"].isNull ? group["NodeGroups"].array.first?["PrimaryEndpoint"] ?? .null : group["ConfigurationEndpoint"]
            if let port = endpoint["Port"].int { properties["Port"] = .number(Double(port)) }
            b.add(group["ARN"].string ?? "replication-group:\(id)", "AWS::ElastiCache::ReplicationGroup", properties, name: id, identifiers: [id])
        }
        for cluster in clusters {
            guard let id = cluster["CacheClusterId"].string else { continue }
            var properties: [String: IaCValue] = [
                "ClusterName": .string(id), "Engine": .string(cluster["Engine"].string ?? ""),
                "VpcSecurityGroupIds": b.refs(cluster["SecurityGroups"].array.compactMap { $0["SecurityGroupId"].string }),
                "TransitEncryptionEnabled": .bool(cluster["TransitEncryptionEnabled"].bool ?? false),
            ]
            if let group = cluster["ReplicationGroupId"].string { properties["ReplicationGroupId"] = .string(group) }
            if let subnets = cluster["CacheSubnetGroupName"].string { properties["CacheSubnetGroupName"] = b.ref("cache-subnet-group:\(subnets)") }
            if let port = cluster["CacheNodes"].array.first?["Endpoint"]["Port"].int ?? cluster["ConfigurationEndpoint"]["Port"].int { properties["Port"] = .number(Double(port)) }
            b.add(cluster["ARN"].string ?? "cache-cluster:\(id)", "AWS::ElastiCache::CacheCluster", properties, name: id, identifiers: [id])
        }
        for cache in fetched[AWSCall("elasticache", "describe-serverless-caches")]?["ServerlessCaches"].array ?? [] {
            guard let name = cache["ServerlessCacheName"].string else { continue }
            b.add(cache["ARN"].string ?? "serverless-cache:\(name)", "AWS::ElastiCache::ServerlessCache", [
                "ServerlessCacheName": .string(name), "Engine": .string(cache["Engine"].string ?? "redis"),
                "SubnetIds": b.refs(cache["SubnetIds"].strings), "SecurityGroupIds": b.refs(cache["SecurityGroupIds"].strings),
            ], name: name, identifiers: [name])
        }
    }
}
