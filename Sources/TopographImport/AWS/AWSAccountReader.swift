import Foundation
import TopographModel

/// Reads an AWS account through the AWS CLI and describes it as resources in
/// CloudFormation's vocabulary (`AWS::EC2::Subnet` with `VpcId`, `AWS::ECS::Service` with
/// `LoadBalancers`, ...), so the one importer that reads templates and Terraform plans turns
/// it into a topology: same kinds, nesting, attributes and connections, same drift model.
///
/// The reading runs in rounds: account-wide lists first (every one in parallel), then
/// what needs their answers (a load balancer's listeners, a cluster's services, an API's
/// routes), each round's calls in parallel.
package final class AWSAccountReader {
    package typealias Fetched = [AWSCall: AWSJSON]

    let cli: AWSCommandLine
    let progress: (@Sendable (String) -> Void)?
    let scope: AWSScope
    /// Default VPCs left out (see `readNetwork`).
    var skippedVPCs: Set<String> = []
    /// Target groups wait for their targets (`describe-target-health`, a later round).
    var pendingTargetGroups: [String: [String: IaCValue]] = [:]
    var listenerARNs: [String] = []
    var eventRules: [(arn: String, name: String, bus: String)] = []
    var eventBusNames: [String] = []
    /// What `list-rules` says of each rule (pattern, schedule, state), by ARN.
    var ruleDetails: [String: AWSJSON] = [:]
    /// Security groups and instance types of the instances an Auto Scaling group launched,
    /// by group name: the instances are the group's, not resources of their own.
    var fleetInstances: [String: (groups: [String], types: [String])] = [:]
    var region: String
    var account = "000000000000"
    let builder: AWSModelBuilder
    var denied: [(call: String, action: String)] = []
    var warnings: [Diagnostic] = []
    /// Operations the endpoint does not have (moto lacks some), by call.
    package private(set) var unsupported: [String] = []
    package private(set) var callCount = 0

    package init(cli: AWSCommandLine, scope: AWSScope = AWSScope(), progress: (@Sendable (String) -> Void)? = nil) {
        self.cli = cli
        self.scope = scope
        self.progress = progress
        region = cli.options.region ?? ""
        builder = AWSModelBuilder()
    }

    package func read() throws -> IaCModel {
        let identity = try single(AWSCall("sts", "get-caller-identity"))
        account = identity["Account"].string ?? account
        if region.isEmpty { region = configuredRegion() ?? "" }
        guard !region.isEmpty else {
            throw AWSAccountError.failed(call: "aws configure get region", message: "no region: pass --region (drift: or set `region:` in the topology), or set one in the profile")
        }
        builder.region = region
        builder.account = account

        let parents = fetch(Self.listCalls.filter { wanted($0) && !Self.dependentCalls.contains($0) }, round: "lists")
        let first = parents.merging(fetch(dependentCalls(after: parents), round: "dependent lists")) { answer, _ in answer }
        readTags(first)
        readNetwork(first)
        readLoadBalancers(first)
        readContainerLists(first)
        readFunctions(first)
        readData(first)
        readEdge(first)
        readServices(lists: first)
        readStreams(first)
        readPipesAndSchedules(first)
        readLifecycle(lists: first)

        let second = fetch(loadBalancerDetailCalls(first) + containerServiceCalls(first) + apiDetailCalls(first)
            + functionDetailCalls(first) + edgeDetailCalls(first) + clusterDetailCalls(first)
            + messagingDetailCalls(first) + streamDetailCalls(first) + lifecycleDetailCalls(first), round: "details")
        readLoadBalancerDetails(second)
        readFunctionDetails(second)
        readEdgeDetails(second)
        readServiceNamespaces(second)
        readMessagingDetails(second)
        readStreamDetails(second)
        readLifecycleDetails(second)

        let third = fetch(listenerRuleCalls(second) + describeServiceCalls(second) + functionTargetCalls(second) + authorizerFallbackCalls(first, second)
                          + nodegroupCalls(second), round: "services")
        readClusters(second.merging(third) { answer, _ in answer })
        readAPIs(first, second.merging(third) { answer, _ in answer })
        readListenerRules(third)
        readFunctionTargets(third)
        let services = readServices(third)

        let fourth = fetch(taskDefinitionCalls(services), round: "task definitions")
        readTaskDefinitions(fourth)
        readScaling(first)

        if !denied.isEmpty { throw AWSAccountError.denied(denied) }
        var model = builder.model()
        model.region = region.isEmpty ? nil : region
        model.sources = ["aws:account/\(account)" + (region.isEmpty ? "" : "/\(region)")]
        model.warnings = warnings
        model.noun = "account"
        model.description = "Read from AWS account \(account)\(region.isEmpty ? "" : " in \(region)") through the AWS CLI."
        return model
    }

    /// Calls that must answer (the identity check): any failure stops the import.
    func single(_ call: AWSCall) throws -> AWSJSON {
        callCount += 1
        switch cli.answer(call) {
        case .success(let json): return json
        case .failure(.credentials(let message)): throw AWSAccountError.credentialsRefused(message)
        case .failure(.denied(let action, _)): throw AWSAccountError.denied([(call.description, action)])
        case .failure(.unsupported(let message)), .failure(.notFound(let message)), .failure(.failed(let message)):
            throw AWSAccountError.failed(call: call.description, message: message)
        }
    }

    /// A round of calls. Denials are collected (the error names every permission missing),
    /// operations the endpoint lacks are listed and read as empty, vanished resources too.
    func fetch(_ calls: [AWSCall], round: String) -> Fetched {
        var unique: [AWSCall] = []
        var seen: Set<AWSCall> = []
        for call in calls where seen.insert(call).inserted { unique.append(call) }
        guard !unique.isEmpty else { return [:] }
        progress?("reading \(round): \(unique.count) call\(unique.count == 1 ? "" : "s")")
        callCount += unique.count
        var result: Fetched = [:]
        for (call, answer) in zip(unique, cli.run(unique)) {
            switch answer {
            case .success(let json): result[call] = json
            case .failure(.denied(let action, _)): denied.append((call.description, action))
            case .failure(.unsupported(let message)):
                let name = call.description
                if !unsupported.contains(name) {
                    unsupported.append(name)
                    warnings.append(Diagnostic(.warning, code: .awsNotRead, "\(name): the endpoint does not have this operation (\(message)); what it reads is left out",
                                               at: SourceLocation(file: "aws", line: 1, column: 1)))
                }
            case .failure(.notFound): break
            case .failure(.credentials(let message)):
                warnings.append(Diagnostic(.warning, code: .awsNotRead, "\(call.description): credentials refused: \(message)", at: SourceLocation(file: "aws", line: 1, column: 1)))
                denied.append((call.description, call.action))
            case .failure(.failed(let message)):
                warnings.append(Diagnostic(.warning, code: .awsNotRead, "\(call.description) failed: \(message); what it reads is left out",
                                           at: SourceLocation(file: "aws", line: 1, column: 1)))
            }
        }
        return result
    }

    func configuredRegion() -> String? {
        var arguments = ["configure", "get", "region"]
        if let profile = cli.options.profile { arguments += ["--profile", profile] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cli.executable)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = (try? out.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !text.isEmpty ? text : ProcessInfo.processInfo.environment["AWS_REGION"] ?? ProcessInfo.processInfo.environment["AWS_DEFAULT_REGION"]
    }

    /// The account-wide lists, one round.
    static let listCalls: [AWSCall] = networkCalls + loadBalancerCalls + containerCalls + apiCalls + functionCalls + dataCalls + edgeCalls + serviceCalls
        + messagingCalls + streamCalls + lifecycleCalls
        + [AWSCall("resourcegroupstaggingapi", "get-resources")]

    /// Tags of every resource the tagging API knows, by ARN: `topograph:id`, `Name` and the
    /// `--tag` scope read them.
    func readTags(_ fetched: Fetched) {
        for mapping in fetched[AWSCall("resourcegroupstaggingapi", "get-resources")]?["ResourceTagMappingList"].array ?? [] {
            guard let arn = mapping["ResourceARN"].string else { continue }
            builder.tagsByIdentifier[arn] = mapping["Tags"].array.compactMap { tag in
                tag["Key"].string.map { ($0, tag["Value"].string ?? "") }
            }
        }
    }
}
