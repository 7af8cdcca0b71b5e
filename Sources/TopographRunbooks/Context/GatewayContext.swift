import TopographModel

/// The network pieces a stage declares that the runbook creates: the internet gateway, NAT
/// gateways and Route 53 alias records.
package struct GatewaysContext: RunbookSectionContext {
    package var hasInternetGateway: Bool
    package var internetGatewayName: ShellWord
    package var natGateways: [NatGatewayContext]
    package var publicSubnets: [PublicRouteContext]

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "hasInternetGateway": "whether the stage declares an internet gateway for its VPC",
        "internetGatewayName": "its `--tag-specifications` value (Name tag)",
        "natGateways": "NAT gateways, each in its public subnet",
        "publicSubnets": "subnets declared `access: public`: each gets a route table with 0.0.0.0/0 to the internet gateway",
    ]
}

/// A public subnet's route to the internet gateway: the route is what makes it public.
package struct PublicRouteContext: RunbookSectionContext {
    package var id: ShellWord
    package var variable: String
    package var subnetVariable: String
    package var nameTag: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "id": "the subnet's id in the topology",
        "variable": "the shell variable that holds its route table's id",
        "subnetVariable": "the variable of the subnet",
        "nameTag": "the route table's `--tag-specifications` value (Name tag)",
    ]
}

package struct NatGatewayContext: RunbookSectionContext {
    package var id: ShellWord
    package var variable: String
    package var subnetVariable: String
    package var nameTag: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "id": "the NAT gateway's id in the topology",
        "variable": "the shell variable that holds its id",
        "subnetVariable": "the variable of the subnet it sits in",
        "nameTag": "its `--tag-specifications` value (Name tag)",
    ]
}

package struct AliasRecordContext: RunbookSectionContext {
    package var id: ShellWord
    package var record: ShellWord
    package var zone: ShellWord
    package var variable: String
    package var loadBalancerLookup: ShellWord
    package var zoneLookup: ShellWord
    package var changeFile: ShellWord
    package var guardLine: String

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "id": "the route53 resource's id in the topology",
        "record": "the record's name (`shop.example.com`)",
        "zone": "the hosted zone it belongs in (`example.com.`), a prerequisite",
        "variable": "the prefix of its variables",
        "loadBalancerLookup": "the `describe-load-balancers` query printing the target's DNS name",
        "zoneLookup": "the query printing the target's canonical hosted zone id",
        "changeFile": "the change batch file the runbook writes",
        "guardLine": "`: \"${<V>_ZONE:?...}\"`: stops the block when the hosted zone is missing",
    ]
}
