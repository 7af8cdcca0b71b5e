import TopographModel

/// CloudFormation deploys values `validate` would refuse only when they are really wrong
/// (a subnet CIDR with host bits set, a name AWS rejects): import never writes a topology
/// that fails, and never fails on a template CloudFormation would deploy. A value AWS's rule
/// refuses is left out of the resource, which is still imported, with a warning at the
/// template's own `file:line:column`.
enum ImportValueCheck {
    /// Where an attribute comes from in a template, to point the warning at it.
    static let sourceProperties: [String: [String]] = [
        "cidr": ["CidrBlock"],
        "name": ["BucketName", "FunctionName", "TableName", "QueueName", "TopicName", "ClusterName", "ServiceName", "DBInstanceIdentifier",
                 "DBClusterIdentifier", "ReplicationGroupId", "RepositoryName", "LogGroupName", "UserPoolName", "Name"],
        "engine": ["Engine"], "record": ["Name"], "runtime": ["Runtime"], "instance_type": ["InstanceType", "LaunchTemplate"],
        "service": ["ServiceName"], "stage_name": ["StageName"], "az": ["AvailabilityZone"], "containers": ["ContainerDefinitions"],
    ]

    static func apply(_ result: ImportResult, region: String?) -> ImportResult {
        var result = result
        var warnings: [Diagnostic] = []
        for index in result.resources.indices {
            let resource = result.resources[index]
            var bag = DiagnosticBag()
            AWSValueRules.check(resource, region: region, bag: &bag)
            guard bag.hasErrors else { continue }
            let source = result.sourceByID[resource.id]
            for field in resource.fieldOrder where !["kind", "in", "subnets", "label", "notes"].contains(field) {
                guard let value = resource.fields[field] else { continue }
                let probe = Resource(id: resource.id, location: resource.location, fields: ["kind": .string(resource.kind.rawValue), field: value])
                var problems = DiagnosticBag()
                AWSValueRules.check(probe, region: region, bag: &problems)
                guard problems.hasErrors else { continue }
                result.resources[index].fields[field] = nil
                result.resources[index].fieldOrder.removeAll { $0 == field }
                let location = (sourceProperties[field] ?? []).lazy.compactMap { source?.propertyLocations[$0] }.first ?? resource.location
                let owner = source.map { "\($0.logicalID) (\($0.sourceType))" } ?? resource.id
                for problem in problems.diagnostics where problem.severity == .error {
                    warnings.append(Diagnostic(
                        .warning, code: .invalidAWSValue, "\(owner): \(problem.message); imported without `\(field)`", at: location,
                        help: problem.help))
                }
            }
        }
        result.model.warnings += warnings
        return result
    }
}
