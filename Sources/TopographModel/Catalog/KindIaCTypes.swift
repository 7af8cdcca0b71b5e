/// Which infrastructure-as-code resource types each kind stands for, keyed by kind id.
/// `topograph import` maps a template's resources to kinds through this table, and
/// `Docs/import.md` documents it. A table of its own (rather than a field on `KindSpec`) so
/// per-kind data added by different features never edits the same lines.
///
/// A kind with no types (`user`, `internet`, `external-service`) is something no template
/// declares; `generic` collects types without a kind of their own.
package struct KindIaCTypes: Sendable, Hashable {
    /// CloudFormation resource types (`AWS::EC2::VPC`), the first being the usual one.
    package var cloudFormation: [String]
    /// Terraform AWS provider resource types (`aws_vpc`).
    package var terraform: [String]

    package init(cloudFormation: [String], terraform: [String]) {
        self.cloudFormation = cloudFormation
        self.terraform = terraform
    }

    /// Kinds whose resources exist outside any template.
    package static let notInTemplates: Set<KindID> = [.user, .internet, .externalService]

    /// Every kind's types: its own (`KindSpec.iacTypes`), else the first kinds' entry below.
    package static let byKind: [String: KindIaCTypes] = builtIn.merging(
        KindCatalog.all.compactMap { spec in spec.iacTypes.map { (spec.id.rawValue, $0) } }, uniquingKeysWith: { $1 })

    private static let builtIn: [String: KindIaCTypes] = [
        "user": KindIaCTypes(cloudFormation: [], terraform: []),
        "internet": KindIaCTypes(cloudFormation: [], terraform: []),
        "external-service": KindIaCTypes(cloudFormation: [], terraform: []),
        "vpc": KindIaCTypes(cloudFormation: ["AWS::EC2::VPC"], terraform: ["aws_vpc"]),
        // A template never declares a zone: import makes one per distinct AvailabilityZone.
        "availability-zone": KindIaCTypes(cloudFormation: [], terraform: []),
        "subnet": KindIaCTypes(cloudFormation: ["AWS::EC2::Subnet"], terraform: ["aws_subnet"]),
        "internet-gateway": KindIaCTypes(cloudFormation: ["AWS::EC2::InternetGateway"], terraform: ["aws_internet_gateway"]),
        "nat-gateway": KindIaCTypes(cloudFormation: ["AWS::EC2::NatGateway"], terraform: ["aws_nat_gateway"]),
        "vpc-endpoint": KindIaCTypes(cloudFormation: ["AWS::EC2::VPCEndpoint"], terraform: ["aws_vpc_endpoint"]),
        "vpc-link": KindIaCTypes(
            cloudFormation: ["AWS::ApiGatewayV2::VpcLink", "AWS::ApiGateway::VpcLink"],
            terraform: ["aws_apigatewayv2_vpc_link", "aws_api_gateway_vpc_link"]),
        "route53": KindIaCTypes(
            cloudFormation: ["AWS::Route53::RecordSet", "AWS::Route53::HostedZone"],
            terraform: ["aws_route53_record", "aws_route53_zone"]),
        "cloudfront": KindIaCTypes(cloudFormation: ["AWS::CloudFront::Distribution"], terraform: ["aws_cloudfront_distribution"]),
        "waf": KindIaCTypes(cloudFormation: ["AWS::WAFv2::WebACL"], terraform: ["aws_wafv2_web_acl"]),
        "cognito": KindIaCTypes(cloudFormation: ["AWS::Cognito::UserPool"], terraform: ["aws_cognito_user_pool"]),
        "security-group": KindIaCTypes(cloudFormation: ["AWS::EC2::SecurityGroup"], terraform: ["aws_security_group"]),
        "iam-role": KindIaCTypes(cloudFormation: ["AWS::IAM::Role"], terraform: ["aws_iam_role"]),
        // One CloudFormation/Terraform type holds both load balancers; `Type` /
        // `load_balancer_type` decides (application is the default).
        "alb": KindIaCTypes(
            cloudFormation: ["AWS::ElasticLoadBalancingV2::LoadBalancer"], terraform: ["aws_lb", "aws_alb"]),
        "nlb": KindIaCTypes(
            cloudFormation: ["AWS::ElasticLoadBalancingV2::LoadBalancer"], terraform: ["aws_lb"]),
        "api-gateway-http": KindIaCTypes(
            cloudFormation: ["AWS::ApiGatewayV2::Api", "AWS::Serverless::HttpApi"], terraform: ["aws_apigatewayv2_api"]),
        "api-gateway-rest": KindIaCTypes(
            cloudFormation: ["AWS::ApiGateway::RestApi", "AWS::Serverless::Api"], terraform: ["aws_api_gateway_rest_api"]),
        "ecs-cluster": KindIaCTypes(cloudFormation: ["AWS::ECS::Cluster"], terraform: ["aws_ecs_cluster"]),
        "ecs-service": KindIaCTypes(cloudFormation: ["AWS::ECS::Service"], terraform: ["aws_ecs_service"]),
        "lambda": KindIaCTypes(
            cloudFormation: ["AWS::Lambda::Function", "AWS::Serverless::Function"], terraform: ["aws_lambda_function"]),
        "ec2": KindIaCTypes(cloudFormation: ["AWS::EC2::Instance"], terraform: ["aws_instance"]),
        "autoscaling": KindIaCTypes(
            cloudFormation: ["AWS::ApplicationAutoScaling::ScalableTarget"], terraform: ["aws_appautoscaling_target"]),
        "elasticache-redis": KindIaCTypes(
            cloudFormation: ["AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::CacheCluster", "AWS::ElastiCache::ServerlessCache"],
            terraform: ["aws_elasticache_replication_group", "aws_elasticache_cluster", "aws_elasticache_serverless_cache"]),
        "rds": KindIaCTypes(cloudFormation: ["AWS::RDS::DBInstance"], terraform: ["aws_db_instance"]),
        "aurora": KindIaCTypes(cloudFormation: ["AWS::RDS::DBCluster"], terraform: ["aws_rds_cluster"]),
        "dynamodb": KindIaCTypes(
            cloudFormation: ["AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable"], terraform: ["aws_dynamodb_table"]),
        "s3": KindIaCTypes(cloudFormation: ["AWS::S3::Bucket"], terraform: ["aws_s3_bucket"]),
        "ecr": KindIaCTypes(cloudFormation: ["AWS::ECR::Repository"], terraform: ["aws_ecr_repository"]),
        "cloudwatch": KindIaCTypes(cloudFormation: ["AWS::Logs::LogGroup"], terraform: ["aws_cloudwatch_log_group"]),
        "cloud-map": KindIaCTypes(
            cloudFormation: ["AWS::ServiceDiscovery::PrivateDnsNamespace", "AWS::ServiceDiscovery::HttpNamespace"],
            terraform: ["aws_service_discovery_private_dns_namespace", "aws_service_discovery_http_namespace"]),
        // Boxes without a kind of their own: import draws them with their service's icon.
        "generic": KindIaCTypes(
            cloudFormation: GenericIaCTypes.cloudFormation.keys.sorted(), terraform: GenericIaCTypes.terraform.keys.sorted()),
    ]

    package static func types(of kind: String) -> KindIaCTypes? { byKind[kind] }

    package static func types(of kind: KindID) -> KindIaCTypes? { byKind[kind.rawValue] }

    /// Kinds a CloudFormation type may become (both load balancers share one type).
    package static func kinds(cloudFormation type: String) -> [String] {
        KindCatalog.ids.filter { byKind[$0]?.cloudFormation.contains(type) == true }
    }

    package static func kinds(terraform type: String) -> [String] {
        KindCatalog.ids.filter { byKind[$0]?.terraform.contains(type) == true }
    }
}
