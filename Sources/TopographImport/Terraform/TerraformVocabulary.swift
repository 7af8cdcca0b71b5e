import TopographModel
/// Terraform AWS provider types and arguments in CloudFormation's vocabulary, so one
/// importer serves both. A path walks nested blocks (`network_configuration.subnets` is the
/// first `network_configuration` block's `subnets`); a CloudFormation path builds nested
/// properties. A list of blocks maps element by element.
struct TerraformMapping {
    var type: String
    var properties: [String: String] = [:]
    /// Terraform block list -> (CloudFormation list property, per-element renames).
    var lists: [String: (String, [String: String])] = [:]
    /// Constant properties the CloudFormation resource would carry (e.g. `Type: network`).
    var constants: [String: IaCValue] = [:]

    /// The translations below, then one for every other Terraform type the kind catalog
    /// maps (its CloudFormation type in the same position, tags only): a new kind imports
    /// from Terraform without an entry here.
    static let table: [String: TerraformMapping] = written.merging(catalogTypes, uniquingKeysWith: { written, _ in written })

    static let catalogTypes: [String: TerraformMapping] = {
        var mappings: [String: TerraformMapping] = [:]
        for spec in KindCatalog.all {
            guard let types = KindIaCTypes.types(of: spec.id), !types.cloudFormation.isEmpty else { continue }
            for (index, type) in types.terraform.enumerated() {
                mappings[type] = TerraformMapping(type: types.cloudFormation[min(index, types.cloudFormation.count - 1)], properties: ["tags": "Tags"])
            }
        }
        return mappings
    }()

    private static let written: [String: TerraformMapping] = [
        "aws_vpc": .init(type: "AWS::EC2::VPC", properties: ["cidr_block": "CidrBlock", "tags": "Tags"]),
        "aws_subnet": .init(type: "AWS::EC2::Subnet", properties: [
            "vpc_id": "VpcId", "cidr_block": "CidrBlock", "availability_zone": "AvailabilityZone", "tags": "Tags"]),
        "aws_internet_gateway": .init(type: "AWS::EC2::InternetGateway", properties: ["vpc_id": "VpcId", "tags": "Tags"]),
        "aws_nat_gateway": .init(type: "AWS::EC2::NatGateway", properties: ["subnet_id": "SubnetId", "tags": "Tags"]),
        "aws_route_table": .init(type: "AWS::EC2::RouteTable", properties: ["vpc_id": "VpcId"]),
        "aws_route": .init(type: "AWS::EC2::Route", properties: [
            "route_table_id": "RouteTableId", "destination_cidr_block": "DestinationCidrBlock", "gateway_id": "GatewayId", "nat_gateway_id": "NatGatewayId"]),
        "aws_route_table_association": .init(type: "AWS::EC2::SubnetRouteTableAssociation", properties: ["subnet_id": "SubnetId", "route_table_id": "RouteTableId"]),
        "aws_security_group": .init(type: "AWS::EC2::SecurityGroup", properties: ["vpc_id": "VpcId"]),
        "aws_vpc_security_group_ingress_rule": .init(type: "AWS::EC2::SecurityGroupIngress", properties: [
            "security_group_id": "GroupId", "referenced_security_group_id": "SourceSecurityGroupId", "from_port": "FromPort",
            "to_port": "ToPort", "ip_protocol": "IpProtocol", "cidr_ipv4": "CidrIp"]),
        "aws_lb": .init(type: "AWS::ElasticLoadBalancingV2::LoadBalancer", properties: [
            "name": "Name", "load_balancer_type": "Type", "subnets": "Subnets", "security_groups": "SecurityGroups",
            "enforce_security_group_inbound_rules_on_private_link_traffic": "EnforceSecurityGroupInboundRulesOnPrivateLinkTraffic", "tags": "Tags"],
            lists: ["subnet_mapping": ("SubnetMappings", ["subnet_id": "SubnetId"])]),
        "aws_lb_listener": .init(type: "AWS::ElasticLoadBalancingV2::Listener", properties: [
            "load_balancer_arn": "LoadBalancerArn", "port": "Port", "protocol": "Protocol"],
            lists: ["default_action": ("DefaultActions", ["type": "Type", "target_group_arn": "TargetGroupArn"])]),
        "aws_lb_listener_rule": .init(type: "AWS::ElasticLoadBalancingV2::ListenerRule", properties: ["listener_arn": "ListenerArn"],
            lists: ["action": ("Actions", ["type": "Type", "target_group_arn": "TargetGroupArn"])]),
        "aws_lb_target_group": .init(type: "AWS::ElasticLoadBalancingV2::TargetGroup", properties: [
            "port": "Port", "protocol": "Protocol", "target_type": "TargetType", "vpc_id": "VpcId", "health_check.path": "HealthCheckPath"]),
        "aws_ecs_cluster": .init(type: "AWS::ECS::Cluster", properties: ["name": "ClusterName"]),
        "aws_ecs_service": .init(type: "AWS::ECS::Service", properties: [
            "name": "ServiceName", "cluster": "Cluster", "launch_type": "LaunchType", "desired_count": "DesiredCount",
            "task_definition": "TaskDefinition", "enable_execute_command": "EnableExecuteCommand",
            "network_configuration.subnets": "NetworkConfiguration.AwsvpcConfiguration.Subnets",
            "network_configuration.security_groups": "NetworkConfiguration.AwsvpcConfiguration.SecurityGroups",
            "service_connect_configuration.enabled": "ServiceConnectConfiguration.Enabled",
            "service_connect_configuration.namespace": "ServiceConnectConfiguration.Namespace",
            "service_connect_configuration.service": "ServiceConnectConfiguration.Services"],
            lists: [
                "load_balancer": ("LoadBalancers", ["target_group_arn": "TargetGroupArn", "container_name": "ContainerName", "container_port": "ContainerPort"]),
                "service_registries": ("ServiceRegistries", ["registry_arn": "RegistryArn"]),
                "capacity_provider_strategy": ("CapacityProviderStrategy", ["capacity_provider": "CapacityProvider"]),
            ]),
        "aws_ecs_task_definition": .init(type: "AWS::ECS::TaskDefinition"),
        "aws_elasticache_replication_group": .init(type: "AWS::ElastiCache::ReplicationGroup", properties: [
            "replication_group_id": "ReplicationGroupId", "engine": "Engine", "subnet_group_name": "CacheSubnetGroupName",
            "security_group_ids": "SecurityGroupIds", "transit_encryption_enabled": "TransitEncryptionEnabled", "port": "Port"]),
        "aws_elasticache_cluster": .init(type: "AWS::ElastiCache::CacheCluster", properties: [
            "cluster_id": "ClusterName", "engine": "Engine", "subnet_group_name": "CacheSubnetGroupName",
            "security_group_ids": "VpcSecurityGroupIds", "replication_group_id": "ReplicationGroupId", "port": "Port"]),
        "aws_elasticache_serverless_cache": .init(type: "AWS::ElastiCache::ServerlessCache", properties: [
            "name": "ServerlessCacheName", "engine": "Engine", "subnet_ids": "SubnetIds", "security_group_ids": "SecurityGroupIds"]),
        "aws_elasticache_subnet_group": .init(type: "AWS::ElastiCache::SubnetGroup", properties: ["subnet_ids": "SubnetIds"]),
        "aws_db_instance": .init(type: "AWS::RDS::DBInstance", properties: [
            "identifier": "DBInstanceIdentifier", "engine": "Engine", "publicly_accessible": "PubliclyAccessible",
            "db_subnet_group_name": "DBSubnetGroupName", "vpc_security_group_ids": "VPCSecurityGroups", "instance_class": "DBInstanceClass"]),
        "aws_rds_cluster": .init(type: "AWS::RDS::DBCluster", properties: [
            "cluster_identifier": "DBClusterIdentifier", "engine": "Engine", "db_subnet_group_name": "DBSubnetGroupName",
            "vpc_security_group_ids": "VpcSecurityGroupIds"]),
        "aws_rds_cluster_instance": .init(type: "AWS::RDS::DBInstance", properties: [
            "cluster_identifier": "DBClusterIdentifier", "publicly_accessible": "PubliclyAccessible", "engine": "Engine",
            "instance_class": "DBInstanceClass"]),
        "aws_db_subnet_group": .init(type: "AWS::RDS::DBSubnetGroup", properties: ["subnet_ids": "SubnetIds"]),
        "aws_lambda_function": .init(type: "AWS::Lambda::Function", properties: [
            "function_name": "FunctionName", "runtime": "Runtime", "vpc_config.subnet_ids": "VpcConfig.SubnetIds",
            "vpc_config.security_group_ids": "VpcConfig.SecurityGroupIds"]),
        "aws_lambda_event_source_mapping": .init(type: "AWS::Lambda::EventSourceMapping", properties: [
            "event_source_arn": "EventSourceArn", "function_name": "FunctionName"]),
        "aws_lambda_permission": .init(type: "AWS::Lambda::Permission"),
        "aws_apigatewayv2_api": .init(type: "AWS::ApiGatewayV2::Api", properties: ["name": "Name", "protocol_type": "ProtocolType"]),
        "aws_apigatewayv2_route": .init(type: "AWS::ApiGatewayV2::Route", properties: [
            "api_id": "ApiId", "route_key": "RouteKey", "authorizer_id": "AuthorizerId", "target": "Target"]),
        "aws_apigatewayv2_integration": .init(type: "AWS::ApiGatewayV2::Integration", properties: [
            "api_id": "ApiId", "integration_type": "IntegrationType", "connection_type": "ConnectionType",
            "connection_id": "ConnectionId", "integration_uri": "IntegrationUri", "request_parameters": "RequestParameters"]),
        "aws_apigatewayv2_authorizer": .init(type: "AWS::ApiGatewayV2::Authorizer", properties: [
            "api_id": "ApiId", "authorizer_type": "AuthorizerType", "authorizer_uri": "AuthorizerUri",
            "jwt_configuration.issuer": "JwtConfiguration.Issuer"]),
        "aws_apigatewayv2_stage": .init(type: "AWS::ApiGatewayV2::Stage", properties: ["api_id": "ApiId", "name": "StageName"]),
        "aws_apigatewayv2_vpc_link": .init(type: "AWS::ApiGatewayV2::VpcLink", properties: [
            "name": "Name", "subnet_ids": "SubnetIds", "security_group_ids": "SecurityGroupIds"]),
        "aws_api_gateway_rest_api": .init(type: "AWS::ApiGateway::RestApi", properties: [
            "name": "Name", "endpoint_configuration.types": "EndpointConfiguration.Types",
            "endpoint_configuration.vpc_endpoint_ids": "EndpointConfiguration.VpcEndpointIds"]),
        "aws_api_gateway_resource": .init(type: "AWS::ApiGateway::Resource", properties: [
            "rest_api_id": "RestApiId", "parent_id": "ParentId", "path_part": "PathPart"]),
        "aws_api_gateway_method": .init(type: "AWS::ApiGateway::Method", properties: [
            "rest_api_id": "RestApiId", "resource_id": "ResourceId", "http_method": "HttpMethod",
            "authorizer_id": "AuthorizerId", "request_parameters": "RequestParameters"]),
        "aws_api_gateway_authorizer": .init(type: "AWS::ApiGateway::Authorizer", properties: [
            "rest_api_id": "RestApiId", "authorizer_uri": "AuthorizerUri", "provider_arns": "ProviderARNs"]),
        "aws_api_gateway_stage": .init(type: "AWS::ApiGateway::Stage", properties: ["rest_api_id": "RestApiId", "stage_name": "StageName"]),
        "aws_api_gateway_vpc_link": .init(type: "AWS::ApiGateway::VpcLink", properties: ["name": "Name", "target_arns": "TargetArns"]),
        "aws_vpc_endpoint": .init(type: "AWS::EC2::VPCEndpoint", properties: [
            "vpc_id": "VpcId", "service_name": "ServiceName", "vpc_endpoint_type": "VpcEndpointType",
            "private_dns_enabled": "PrivateDnsEnabled", "subnet_ids": "SubnetIds", "security_group_ids": "SecurityGroupIds"]),
        "aws_service_discovery_private_dns_namespace": .init(type: "AWS::ServiceDiscovery::PrivateDnsNamespace", properties: ["name": "Name", "vpc": "Vpc"]),
        "aws_service_discovery_http_namespace": .init(type: "AWS::ServiceDiscovery::HttpNamespace", properties: ["name": "Name"]),
        "aws_service_discovery_service": .init(type: "AWS::ServiceDiscovery::Service", properties: [
            "name": "Name", "namespace_id": "NamespaceId", "dns_config.namespace_id": "NamespaceId"]),
        "aws_route53_record": .init(type: "AWS::Route53::RecordSet", properties: [
            "name": "Name", "alias.name": "AliasTarget.DNSName", "records": "ResourceRecords"]),
        "aws_route53_zone": .init(type: "AWS::Route53::HostedZone", properties: ["name": "Name"]),
        "aws_cloudfront_distribution": .init(type: "AWS::CloudFront::Distribution",
            lists: ["origin": ("DistributionConfig.Origins", ["domain_name": "DomainName"])]),
        "aws_wafv2_web_acl": .init(type: "AWS::WAFv2::WebACL", properties: ["name": "Name"]),
        "aws_cognito_user_pool": .init(type: "AWS::Cognito::UserPool", properties: ["name": "UserPoolName"]),
        "aws_ecr_repository": .init(type: "AWS::ECR::Repository", properties: ["name": "RepositoryName"]),
        "aws_cloudwatch_log_group": .init(type: "AWS::Logs::LogGroup", properties: ["name": "LogGroupName"]),
        "aws_s3_bucket": .init(type: "AWS::S3::Bucket", properties: ["bucket": "BucketName"]),
        "aws_dynamodb_table": .init(type: "AWS::DynamoDB::Table", properties: ["name": "TableName"]),
        "aws_sqs_queue": .init(type: "AWS::SQS::Queue", properties: ["name": "QueueName"]),
        "aws_sns_topic": .init(type: "AWS::SNS::Topic", properties: ["name": "TopicName"]),
        "aws_sns_topic_subscription": .init(type: "AWS::SNS::Subscription", properties: ["topic_arn": "TopicArn", "endpoint": "Endpoint"]),
        "aws_kinesis_stream": .init(type: "AWS::Kinesis::Stream", properties: ["name": "Name"]),
        "aws_cloudwatch_event_bus": .init(type: "AWS::Events::EventBus", properties: ["name": "Name"]),
        "aws_instance": .init(type: "AWS::EC2::Instance", properties: [
            "instance_type": "InstanceType", "subnet_id": "SubnetId", "vpc_security_group_ids": "SecurityGroupIds", "tags": "Tags"]),
        "aws_autoscaling_group": .init(type: "AWS::AutoScaling::AutoScalingGroup", properties: [
            "vpc_zone_identifier": "VPCZoneIdentifier", "target_group_arns": "TargetGroupARNs", "launch_template.id": "LaunchTemplate.LaunchTemplateId",
            "launch_configuration": "LaunchConfigurationName",
            "mixed_instances_policy.launch_template.launch_template_specification.launch_template_id":
                "MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateId",
            "min_size": "MinSize", "max_size": "MaxSize", "desired_capacity": "DesiredCapacity"]),
        "aws_appautoscaling_target": .init(type: "AWS::ApplicationAutoScaling::ScalableTarget", properties: [
            "resource_id": "ResourceId", "min_capacity": "MinCapacity", "max_capacity": "MaxCapacity"]),
        "aws_appautoscaling_policy": .init(type: "AWS::ApplicationAutoScaling::ScalingPolicy", properties: [
            "resource_id": "ScalingTargetId",
            "target_tracking_scaling_policy_configuration.predefined_metric_specification.predefined_metric_type":
                "TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.PredefinedMetricType"]),
        "aws_eip": .init(type: "AWS::EC2::EIP"),
        "aws_launch_template": .init(type: "AWS::EC2::LaunchTemplate", properties: [
            "instance_type": "LaunchTemplateData.InstanceType", "user_data": "LaunchTemplateData.UserData"]),
        "aws_launch_configuration": .init(type: "AWS::AutoScaling::LaunchConfiguration", properties: ["instance_type": "InstanceType", "user_data": "UserData"]),
        "aws_ecs_capacity_provider": .init(type: "AWS::ECS::CapacityProvider", properties: [
            "name": "Name", "auto_scaling_group_provider.auto_scaling_group_arn": "AutoScalingGroupProvider.AutoScalingGroupArn"]),
        "aws_ecs_cluster_capacity_providers": .init(type: "AWS::ECS::ClusterCapacityProviderAssociations", properties: [
            "cluster_name": "Cluster", "capacity_providers": "CapacityProviders"],
            lists: ["default_capacity_provider_strategy": ("DefaultCapacityProviderStrategy", ["capacity_provider": "CapacityProvider"])]),
        "aws_cloudwatch_event_rule": .init(type: "AWS::Events::Rule", properties: [
            "name": "Name", "event_bus_name": "EventBusName", "schedule_expression": "ScheduleExpression"]),
        // Kept in Terraform's vocabulary: `TerraformFolding` makes it a target of its rule.
        "aws_cloudwatch_event_target": .init(type: "aws_cloudwatch_event_target", properties: ["rule": "Rule", "arn": "Arn"]),
        "aws_sfn_state_machine": .init(type: "AWS::StepFunctions::StateMachine", properties: ["name": "StateMachineName", "definition": "Definition"]),
        "aws_iam_role": .init(type: "AWS::IAM::Role"),
        "aws_iam_policy": .init(type: "AWS::IAM::Policy"),
        "aws_iam_role_policy": .init(type: "AWS::IAM::Policy"),
        "aws_iam_role_policy_attachment": .init(type: "AWS::IAM::Policy"),
    ]
}
