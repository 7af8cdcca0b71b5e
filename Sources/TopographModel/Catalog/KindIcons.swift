/// Which AWS Architecture Icon draws each kind, keyed by kind id: the file in the icon set
/// that PyPI's `diagrams` package ships (the default source, under its `resources/`), and
/// the file names AWS's own Asset Package uses (`Arch_Amazon-API-Gateway_48.svg`, without
/// the size and extension), so `--icons` takes that folder exactly as downloaded.
/// A kind with no icon of its own (an availability zone, drawn as a dashed frame) says so
/// with empty entries. `KindIconTests` holds that every kind of the catalog has an entry.
package struct KindIcon: Sendable, Hashable {
    /// Path under `diagrams`' `resources/` folder.
    package var diagrams: String?
    /// Asset Package base names, best first.
    package var assetPackage: [String]

    package init(diagrams: String?, assetPackage: [String]) {
        self.diagrams = diagrams
        self.assetPackage = assetPackage
    }
}

package enum KindIcons {
    /// Every kind's icon: its own (`KindSpec.icon`), else the first kinds' entry below.
    package static let table: [KindID: KindIcon] = builtIn.merging(
        KindCatalog.all.compactMap { spec in spec.icon.map { (spec.id, $0) } }, uniquingKeysWith: { $1 })

    private static let builtIn: [KindID: KindIcon] = [
        .user: KindIcon(diagrams: "aws/general/users.png", assetPackage: ["Res_Users", "Res_User"]),
        .internet: KindIcon(diagrams: "aws/general/internet-alt1.png", assetPackage: ["Res_Internet", "Res_Globe"]),
        .externalService: KindIcon(diagrams: "aws/general/traditional-server.png", assetPackage: ["Res_Traditional-Server", "Res_Server"]),
        .vpc: KindIcon(diagrams: "aws/network/vpc.png", assetPackage: ["Virtual-private-cloud-VPC", "Arch_Amazon-Virtual-Private-Cloud"]),
        .availabilityZone: KindIcon(diagrams: nil, assetPackage: []),
        .subnet: KindIcon(diagrams: "aws/network/private-subnet.png", assetPackage: ["Private-subnet"]),
        .internetGateway: KindIcon(diagrams: "aws/network/internet-gateway.png", assetPackage: ["Res_Amazon-VPC_Internet-Gateway"]),
        .natGateway: KindIcon(diagrams: "aws/network/nat-gateway.png", assetPackage: ["Res_Amazon-VPC_NAT-Gateway"]),
        .vpcEndpoint: KindIcon(diagrams: "aws/network/endpoint.png", assetPackage: ["Res_Amazon-VPC_Endpoints"]),
        .vpcLink: KindIcon(diagrams: "aws/network/privatelink.png", assetPackage: ["Arch_AWS-PrivateLink", "Res_Amazon-VPC_Endpoints"]),
        .route53: KindIcon(diagrams: "aws/network/route-53.png", assetPackage: ["Arch_Amazon-Route-53"]),
        .cloudfront: KindIcon(diagrams: "aws/network/cloudfront.png", assetPackage: ["Arch_Amazon-CloudFront"]),
        .waf: KindIcon(diagrams: "aws/security/waf.png", assetPackage: ["Arch_AWS-WAF"]),
        .cognito: KindIcon(diagrams: "aws/security/cognito.png", assetPackage: ["Arch_Amazon-Cognito"]),
        .securityGroup: KindIcon(diagrams: "aws/general/generic-firewall.png", assetPackage: ["Res_Generic-Firewall", "Res_Firewall"]),
        .iamRole: KindIcon(diagrams: "aws/security/identity-and-access-management-iam-role.png", assetPackage: ["Res_AWS-Identity-Access-Management_Role", "Arch_AWS-Identity-and-Access-Management"]),
        .alb: KindIcon(diagrams: "aws/network/elb-application-load-balancer.png", assetPackage: ["Res_Elastic-Load-Balancing_Application-Load-Balancer", "Arch_Elastic-Load-Balancing"]),
        .nlb: KindIcon(diagrams: "aws/network/elb-network-load-balancer.png", assetPackage: ["Res_Elastic-Load-Balancing_Network-Load-Balancer", "Arch_Elastic-Load-Balancing"]),
        .httpAPI: KindIcon(diagrams: "aws/network/api-gateway.png", assetPackage: ["Arch_Amazon-API-Gateway"]),
        .restAPI: KindIcon(diagrams: "aws/network/api-gateway.png", assetPackage: ["Arch_Amazon-API-Gateway"]),
        .ecsCluster: KindIcon(diagrams: "aws/compute/elastic-container-service.png", assetPackage: ["Arch_Amazon-Elastic-Container-Service"]),
        .ecsService: KindIcon(diagrams: "aws/compute/elastic-container-service-service.png", assetPackage: ["Res_Amazon-Elastic-Container-Service_Service", "Arch_Amazon-Elastic-Container-Service"]),
        .lambda: KindIcon(diagrams: "aws/compute/lambda.png", assetPackage: ["Arch_AWS-Lambda"]),
        .ec2: KindIcon(diagrams: "aws/compute/ec2.png", assetPackage: ["Arch_Amazon-EC2"]),
        .autoscaling: KindIcon(diagrams: "aws/compute/application-auto-scaling.png", assetPackage: ["Arch_AWS-Application-Auto-Scaling", "Arch_Amazon-EC2-Auto-Scaling", "Arch_AWS-Auto-Scaling"]),
        .redis: KindIcon(diagrams: "aws/database/elasticache-for-redis.png", assetPackage: ["Res_Amazon-ElastiCache_ElastiCache-for-Redis", "Arch_Amazon-ElastiCache"]),
        .rds: KindIcon(diagrams: "aws/database/rds.png", assetPackage: ["Arch_Amazon-RDS"]),
        .aurora: KindIcon(diagrams: "aws/database/aurora.png", assetPackage: ["Arch_Amazon-Aurora"]),
        .dynamodb: KindIcon(diagrams: "aws/database/dynamodb.png", assetPackage: ["Arch_Amazon-DynamoDB"]),
        .s3: KindIcon(diagrams: "aws/storage/simple-storage-service-s3.png", assetPackage: ["Arch_Amazon-Simple-Storage-Service"]),
        .ecr: KindIcon(diagrams: "aws/compute/ec2-container-registry.png", assetPackage: ["Arch_Amazon-Elastic-Container-Registry"]),
        .cloudwatch: KindIcon(diagrams: "aws/management/cloudwatch.png", assetPackage: ["Arch_Amazon-CloudWatch"]),
        .cloudMap: KindIcon(diagrams: "aws/network/cloud-map.png", assetPackage: ["Arch_AWS-Cloud-Map"]),
        .generic: KindIcon(diagrams: "aws/general/general.png", assetPackage: ["Res_General-AWS"]),
    ]

    /// Group icons of frames that are not kinds, and the public variant of a subnet.
    package static let groups: [String: KindIcon] = [
        "aws-cloud": KindIcon(diagrams: "aws/aws.png", assetPackage: ["AWS-Cloud-logo", "AWS-Cloud"]),
        "region": KindIcon(diagrams: nil, assetPackage: ["Region"]),
        "public-subnet": KindIcon(diagrams: "aws/network/public-subnet.png", assetPackage: ["Public-subnet"]),
        "private-subnet": KindIcon(diagrams: "aws/network/private-subnet.png", assetPackage: ["Private-subnet"]),
    ]
}
