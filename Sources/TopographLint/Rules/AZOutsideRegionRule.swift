import TopographModel

struct AZOutsideRegionRule: LintRule {
    static let description = LintRuleDescription(
        id: "az-outside-region", name: "Availability zone of another region", category: .networking, severity: .error,
        summary: "A subnet or resource names an availability zone outside the file's region",
        rationale: """
            An availability zone name is its region's name plus a letter (`us-east-1a`). A \
            subnet's `az:` or a resource's `zones:` naming a zone of another region cannot be \
            created in the file's `region:`: AWS rejects the subnet, and every runbook command \
            aimed at the region misses it. An `availability-zone` container is checked by its \
            label; zone IDs (`use1-az1`) and labels that are not zone names are left alone.
            """,
        fix: "Name zones of the file's region (`us-east-1a` when `region: us-east-1`), or correct `region:`.",
        references: ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-regions-availability-zones.html"],
        triggering: [
            LintExample("""
                topograph: 1
                name: t
                region: us-east-1
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public, az: ↓eu-west-1a }
                  alb: { kind: alb, zones: [us-east-1a, ↓us-west-2b] }
                  az-b: { kind: availability-zone, in: vpc, label: ↓us-west-2b }
                """),
        ],
        nonTriggering: [
            LintExample("""
                topograph: 1
                name: t
                region: eu-west-2
                resources:
                  vpc: { kind: vpc }
                  public-a: { kind: subnet, in: vpc, access: public, az: eu-west-2a }
                  alb: { kind: alb, zones: [eu-west-2a, eu-west-2b, euw2-az3] }
                  az-c: { kind: availability-zone, in: vpc, label: "Zone C (eu-west-2c)" }
                """),
        ])

    static func check(_ topology: StageTopology) -> [LintViolation] {
        guard let region = topology.metadata.region, isRegion(region) else { return [] }
        var violations: [LintViolation] = []
        for resource in topology.resources {
            if let az = resource.string("az"), isZoneName(az), !isZone(az, of: region) {
                violations.append(LintViolation(
                    at: resource.location(of: "az"), "'\(resource.id)' is in \(az), which is not a zone of \(region)", resource: resource.id))
            }
            // An availability-zone container is named by its label (the usual way to draw one).
            if resource.kind == .availabilityZone, resource.string("az") == nil, isZoneName(resource.label), !isZone(resource.label, of: region) {
                violations.append(LintViolation(
                    at: resource.location(of: "label"), "availability zone '\(resource.id)' is \(resource.label), which is not a zone of \(region)", resource: resource.id))
            }
            for (index, zone) in resource.zones.enumerated() where isZoneName(zone) && !isZone(zone, of: region) {
                violations.append(LintViolation(
                    at: resource.location(of: "zones", element: index), "'\(resource.id)' lists \(zone), which is not a zone of \(region)", resource: resource.id))
            }
        }
        return violations
    }

    static func isRegion(_ text: String) -> Bool {
        Pattern("[a-z]{2}(-[a-z]+)+-[0-9]+").matchesWhole(text)
    }

    static func isZoneName(_ text: String) -> Bool {
        Pattern("[a-z]{2}(-[a-z]+)+-[0-9]+[a-z]").matchesWhole(text)
    }

    /// `us-east-1a` is a zone of `us-east-1`; local zones (`us-east-1-bos-1a`) too.
    static func isZone(_ zone: String, of region: String) -> Bool {
        guard zone.hasPrefix(region) else { return false }
        let rest = zone.dropFirst(region.count)
        return rest.count == 1 || rest.hasPrefix("-")
    }
}
