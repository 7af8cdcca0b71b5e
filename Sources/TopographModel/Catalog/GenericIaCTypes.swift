/// Template types that are boxes on a diagram but have no kind of their own: import makes
/// them `generic` resources drawn with their service's AWS icon and category colour, so no
/// box is left out and none is a shape-only box.
package enum GenericIaCTypes {
    package struct Drawing: Sendable, Hashable {
        package var icon: String
        package var category: KindCategory
    }

    package static let cloudFormation: [String: Drawing] = [
        "AWS::RDS::DBProxy": Drawing(icon: "rds", category: .data),
        "AWS::Events::ApiDestination": Drawing(icon: "eventbridge-event", category: .integration),
        "AWS::EC2::InstanceConnectEndpoint": Drawing(icon: "endpoint", category: .network),
        "AWS::EC2::TransitGateway": Drawing(icon: "transit-gateway", category: .network),
        "AWS::EC2::VPNGateway": Drawing(icon: "vpn-gateway", category: .network),
        "AWS::EC2::CustomerGateway": Drawing(icon: "vpc-customer-gateway", category: .network),
        "AWS::CodeCommit::Repository": Drawing(icon: "codecommit", category: .operations),
        "AWS::Glue::Job": Drawing(icon: "glue", category: .analytics),
        "AWS::Athena::WorkGroup": Drawing(icon: "athena", category: .analytics),
        "AWS::Redshift::Cluster": Drawing(icon: "redshift", category: .analytics),
        "AWS::Neptune::DBCluster": Drawing(icon: "neptune", category: .data),
    ]

    package static let terraform: [String: Drawing] = [
        "aws_db_proxy": Drawing(icon: "rds", category: .data),
        "aws_cloudwatch_event_api_destination": Drawing(icon: "eventbridge-event", category: .integration),
        "aws_ec2_instance_connect_endpoint": Drawing(icon: "endpoint", category: .network),
        "aws_ec2_transit_gateway": Drawing(icon: "transit-gateway", category: .network),
        "aws_vpn_gateway": Drawing(icon: "vpn-gateway", category: .network),
        "aws_customer_gateway": Drawing(icon: "vpc-customer-gateway", category: .network),
        "aws_codecommit_repository": Drawing(icon: "codecommit", category: .operations),
        "aws_glue_job": Drawing(icon: "glue", category: .analytics),
        "aws_athena_workgroup": Drawing(icon: "athena", category: .analytics),
        "aws_redshift_cluster": Drawing(icon: "redshift", category: .analytics),
        "aws_neptune_cluster": Drawing(icon: "neptune", category: .data),
    ]

    /// The drawing of a CloudFormation type (Terraform types import in CloudFormation's
    /// vocabulary; those without a translation keep their own name).
    package static func drawing(_ type: String) -> Drawing? { cloudFormation[type] ?? terraform[type] }
}
