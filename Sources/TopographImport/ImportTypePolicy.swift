import TopographModel
import TopographInput
import TopographDiff
/// Which template types become resources (through `KindIaCTypes`) and what happens to the
/// rest: types read only for the placement, attributes or edges of others (folded), and
/// types not imported, each with the reason the stderr summary gives.
enum ImportTypePolicy {
    static let folded: [String: String] = [
        "AWS::EC2::SecurityGroup": "its ingress rules become connections between the resources that hold it",
        "AWS::EC2::SecurityGroupIngress": "becomes a connection between the resources holding the two groups",
        "AWS::EC2::SecurityGroupEgress": "egress rules are not drawn; a connection needs the ingress rule of its target",
        "AWS::EC2::VPCGatewayAttachment": "places the internet gateway in its VPC",
        "AWS::EC2::RouteTable": "tells public subnets (default route to an internet gateway) from private ones",
        "AWS::EC2::Route": "tells public subnets (default route to an internet gateway) from private ones",
        "AWS::EC2::SubnetRouteTableAssociation": "tells public subnets (default route to an internet gateway) from private ones",
        "AWS::EC2::EIP": "the NAT gateway's address",
        "AWS::ElasticLoadBalancingV2::Listener": "becomes the load balancer's `listeners` and its connections",
        "AWS::ElasticLoadBalancingV2::ListenerRule": "becomes connections to the rule's target groups",
        "AWS::ElasticLoadBalancingV2::TargetGroup": "becomes connections to its targets and the `health_check`",
        "AWS::ECS::TaskDefinition": "becomes the `containers` of its service",
        "AWS::ElastiCache::SubnetGroup": "places the cache in its subnets",
        "AWS::RDS::DBSubnetGroup": "places the database in its subnets",
        "AWS::ApiGatewayV2::Route": "becomes the API's `routes`",
        "AWS::ApiGatewayV2::Integration": "becomes the API's connections and `path_mapping`",
        "AWS::ApiGatewayV2::Stage": "becomes the API's `stage_name`",
        "AWS::ApiGatewayV2::Authorizer": "becomes the API's `authorizer`",
        "AWS::ApiGatewayV2::Deployment": "deploys the API; nothing to draw",
        "AWS::ApiGateway::Resource": "becomes the API's `routes`",
        "AWS::ApiGateway::Method": "becomes the API's `routes`, `request_headers` and connections",
        "AWS::ApiGateway::Stage": "becomes the API's `stage_name`",
        "AWS::ApiGateway::Deployment": "deploys the API (its `StageName` becomes `stage_name`)",
        "AWS::ApiGateway::Authorizer": "becomes the API's `authorizer`",
        "AWS::ServiceDiscovery::Service": "links services to their namespace and to VPC link integrations",
        "AWS::ApplicationAutoScaling::ScalingPolicy": "gives the autoscaling `metric`",
        "AWS::Lambda::EventSourceMapping": "becomes a connection from the event source to the function",
        "AWS::SNS::Subscription": "becomes a connection from the topic to the subscriber",
        "AWS::Route53::HostedZone": "holds the record sets, which are imported",
        "AWS::CloudFormation::Stack": "its template's resources are imported (nested stack)",
        "aws_lb_target_group_attachment": "becomes a target of its target group",
        "aws_api_gateway_integration": "becomes its method's integration",
        "aws_s3_bucket_notification": "becomes connections from the bucket",
    ]

    static let skipped: [String: String] = [
        "AWS::EC2::VPCEndpointService": "no kind for an endpoint service; draw the NLB behind it",
        "AWS::Lambda::Permission": "permissions, not traffic",
        "AWS::IAM::Role": "permissions, not traffic; add an `iam-role` by hand where a runbook needs it",
        "AWS::IAM::Policy": "permissions, not traffic",
        "AWS::IAM::ManagedPolicy": "permissions, not traffic",
        "AWS::IAM::InstanceProfile": "permissions, not traffic",
        "AWS::S3::BucketPolicy": "permissions, not traffic",
        "AWS::SQS::QueuePolicy": "permissions, not traffic",
        "AWS::SNS::TopicPolicy": "permissions, not traffic",
        "AWS::CDK::Metadata": "CDK's bookkeeping",
        "AWS::WAFv2::WebACLAssociation": "the association is not drawn as a connection",
        "AWS::ElastiCache::ParameterGroup": "configuration, not architecture",
        "AWS::RDS::DBParameterGroup": "configuration, not architecture",
        "AWS::RDS::DBClusterParameterGroup": "configuration, not architecture",
        "AWS::KMS::Alias": "a name of its key (the `kms-key`'s `alias`)",
        "AWS::SSM::Parameter": "no kind for a parameter",
        "AWS::CertificateManager::Certificate": "a certificate is an attribute of the listener, not a resource to draw",
    ]

    static let unknownReason = "no kind in the catalog for this type; add it by hand as `generic` if it matters"
}
