import TopographModel

/// What a topology documents without a resource of its own, so drift neither misses nor
/// reports it: CloudWatch drawn as the service, and the repositories its images name.
extension DriftChecker {
    /// A `cloudwatch` resource without `name:` stands for CloudWatch itself (logs, metrics,
    /// alarms), not for one log group: it has no one account resource to pair with, and
    /// the log groups the services write to are what it stands for.
    static func standsForService(_ resource: Resource) -> Bool {
        resource.kind == .cloudwatch && resource.fields["name"] == nil
    }

    /// ECR repositories the documented container images name (`.../login-web:3.1.0`):
    /// documented by the image, even when the topology draws one registry node.
    static func repositoriesNamedByImages(_ stage: StageTopology) -> Set<String> {
        var names: Set<String> = []
        for resource in stage.resources where resource.kind == .ecsService {
            for container in resource.fields["containers"]?.listValue ?? [] {
                guard let image = container["image"]?.stringValue, let host = image.range(of: ".amazonaws.com/") else { continue }
                let path = image[host.upperBound...]
                names.insert(String(path.prefix { $0 != ":" && $0 != "@" }))
            }
        }
        return names
    }

    /// Whether an account resource of `kind` named `name` is documented by something other
    /// than a resource of its own.
    static func impliedByTopology(_ kind: KindID, name: String?, in stage: StageTopology) -> Bool {
        switch kind {
        case .cloudwatch: return stage.resources.contains(where: standsForService)
        case .ecr: return name.map { repositoriesNamedByImages(stage).contains($0) } ?? false
        default: return false
        }
    }
}
