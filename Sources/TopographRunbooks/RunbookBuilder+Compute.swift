import Foundation
import TopographModel

extension RunbookBuilder {
    func roles(in stage: StageTopology) -> RolesContext? {
        guard stage.resources(ofKind: .ecsService).contains(where: includes) else { return nil }
        let execution = RunbookNames.valid("\(stage.metadata.name)-ecs-execution", limit: 64)
        let task = RunbookNames.valid("\(stage.metadata.name)-ecs-task", limit: 64)
        return RolesContext(
            executionRole: ShellWord(execution), taskRole: ShellWord(task),
            executionLookup: RunbookNames.lookup("Roles", "RoleName", execution, select: "Arn"),
            taskLookup: RunbookNames.lookup("Roles", "RoleName", task, select: "Arn"))
    }

    // MARK: - Load balancers

    static func targetGroupName(_ balancer: Resource, _ target: Resource) -> String {
        RunbookNames.valid("\(balancer.name)-\(target.name)", limit: 32)
    }

    static func targetGroupVariable(_ balancer: Resource, _ target: Resource) -> String {
        "\(RunbookNames.variable(balancer.id))_\(RunbookNames.variable(target.id))_TG_ARN"
    }

    /// A connection label that is a path (`/orders/*`) is a listener rule.
    static func pathPattern(_ connection: Connection) -> String? {
        connection.pathRule
    }

    func loadBalancers(in stage: StageTopology) -> [LoadBalancerContext] {
        // ALBs first: an NLB in front of an ALB registers the ALB as its target.
        let balancers = stage.resources(ofKind: .alb) + stage.resources(ofKind: .nlb)
        return balancers.filter(includes).map { balancer in
            let isNlb = balancer.kind == .nlb
            let variable = RunbookNames.variable(balancer.id)
            let edges = stage.outgoing(balancer.id).filter { edge in stage.resource(edge.to).map { [KindID.ecsService, .alb].contains($0.kind) } ?? false }
            var seen: Set<String> = []
            let groups = edges.compactMap { edge -> TargetGroupContext? in
                guard seen.insert(edge.to).inserted, let target = stage.resource(edge.to) else { return nil }
                let isAlb = target.kind == .alb
                let port = isAlb ? (target["listeners"]?.listValue?.first?.intValue ?? 80) : (Self.container(of: target).port ?? edge.port ?? 80)
                let health = target.string("health_check") ?? balancer.string("health_check") ?? "/"
                let name = Self.targetGroupName(balancer, target)
                return TargetGroupContext(
                    name: ShellWord(name), variable: Self.targetGroupVariable(balancer, target), targetLabel: ShellWord(target.id),
                    proto: ShellWord(isNlb ? "TCP" : "HTTP"), port: String(port), targetType: ShellWord(isAlb ? "alb" : "ip"),
                    healthCheckPath: ShellWord(health), hasHealthCheckPath: !isNlb || isAlb || target.string("health_check") != nil,
                    lookupQuery: RunbookNames.lookup("TargetGroups", "TargetGroupName", name, select: "TargetGroupArn"),
                    albTargetVariable: isAlb ? RunbookNames.variable(target.id) + "_ARN" : "",
                    albLookup: RunbookNames.lookup("LoadBalancers", "LoadBalancerName", target.name, select: "LoadBalancerArn"), isAlbTarget: isAlb)
            }
            let ports = (balancer["listeners"]?.listValue ?? []).compactMap(\.intValue)
            let listeners = (ports.isEmpty ? [80] : ports).compactMap { port -> ListenerContext? in
                // Without a target the runbook registers (EKS pods behind an ingress controller,
                // an Auto Scaling group), an ALB's declared listener still exists and answers
                // 404 until a target group is attached; an NLB listener needs a target group.
                if groups.isEmpty && isNlb { return nil }
                var priority = 0
                let rules = edges.compactMap { edge -> ListenerRuleContext? in
                    guard !isNlb, let pattern = Self.pathPattern(edge), let target = stage.resource(edge.to) else { return nil }
                    priority += 10
                    return ListenerRuleContext(
                        priority: String(priority), conditions: ShellWord("Field=path-pattern,Values=\(pattern)"),
                        targetVariable: Self.targetGroupVariable(balancer, target), pattern: ShellWord(pattern),
                        lookupQuery: ShellWord("Rules[?Conditions[0].Values[0]==\(RunbookNames.literal(pattern))].RuleArn | [0]"))
                }
                return ListenerContext(
                    port: String(port), proto: ShellWord(isNlb ? "TCP" : (port == 443 ? "HTTPS" : "HTTP")),
                    variable: "\(variable)_LISTENER_\(port)", defaultTargetVariable: groups.first?.variable ?? "", hasDefaultTarget: !groups.isEmpty,
                    loadBalancerVariable: variable, isHTTPS: !isNlb && port == 443,
                    lookupQuery: ShellWord("Listeners[?Port==`\(port)`].ListenerArn | [0]"),
                    rules: rules, hasRules: !rules.isEmpty)
            }
            return LoadBalancerContext(
                id: ShellWord(balancer.id), label: ProseText(balancer.label), name: ShellWord(balancer.name), variable: variable,
                isNlb: isNlb, kindTitle: isNlb ? "NLB" : "ALB", type: ShellWord(isNlb ? "network" : "application"),
                scheme: ShellWord(balancer.string("scheme") ?? "internal"),
                subnetWords: RunbookNames.subnetWords(subnets(of: balancer, in: stage)),
                securityGroupVariable: Self.securityGroupVariable(balancer.id),
                lookupQuery: RunbookNames.lookup("LoadBalancers", "LoadBalancerName", balancer.name, select: "LoadBalancerArn"),
                crossZone: balancer.bool("cross_zone") == true,
                privateLinkRulesOff: balancer.bool("enforce_privatelink_inbound_rules") == false,
                targetGroups: groups, listeners: listeners, hasTargets: !groups.isEmpty, hasListeners: !listeners.isEmpty)
        }
    }

    // MARK: - ECS services

    func services(in stage: StageTopology) -> [ServiceContext] {
        let region = stage.metadata.region ?? "us-east-1"
        return stage.resources(ofKind: .ecsService).filter(includes).map { service in
            let (container, _, port) = Self.container(of: service)
            let cluster = Self.clusterName(of: service, in: stage)
            let portName = "\(container)-http"
            let logGroup = "/ecs/\(service.name)"
            let source = Self.imageSource(of: service)
            var definition: [String: AnyEncodable] = [
                "name": AnyEncodable(container), "image": AnyEncodable(source.external ?? Self.imageSlot), "essential": AnyEncodable(true),
                "logConfiguration": AnyEncodable(LogConfiguration(options: ["awslogs-group": logGroup, "awslogs-region": region, "awslogs-stream-prefix": service.name])),
            ]
            if let port {
                definition["portMappings"] = AnyEncodable([PortMapping(name: portName, containerPort: port)])
            }
            let balancers = stage.incoming(service.id).compactMap { edge -> ServiceTargetGroup? in
                guard let balancer = stage.resource(edge.from), [KindID.alb, .nlb].contains(balancer.kind) else { return nil }
                return ServiceTargetGroup(
                    targetGroupVariable: Self.targetGroupVariable(balancer, service),
                    lookupQuery: RunbookNames.lookup("TargetGroups", "TargetGroupName", Self.targetGroupName(balancer, service), select: "TargetGroupArn"),
                    suffix: ShellWord(",containerName=\(container),containerPort=\(port ?? 80)"),
                    container: ShellWord(container), port: String(port ?? 80))
            }
            let mode = service.string("service_connect")
            let namespace = service.string("discovery").flatMap { stage.resource($0)?.string("namespace") }
            var connect = ""
            if let mode, mode != "none", let namespace {
                let services = mode == "client-server" && port != nil
                    ? [ConnectService(portName: portName, discoveryName: service.name, clientAliases: [ConnectAlias(port: port ?? 80, dnsName: service.name)])] : []
                connect = Self.json(ServiceConnect(enabled: true, namespace: namespace, services: services))
            }
            return ServiceContext(
                id: ShellWord(service.id), label: ProseText(service.label), name: ShellWord(service.name), cluster: ShellWord(cluster),
                clusterLookup: ShellWord("clusters[?status==`\"ACTIVE\"`].clusterName | [0]"),
                variable: RunbookNames.variable(service.id), family: ShellWord(service.name), container: ShellWord(container),
                image: ShellWord(source.external ?? "\(source.repository):\(source.tag)"), port: port.map(String.init) ?? "", hasPort: port != nil, portName: ShellWord(portName),
                containerDefinitions: Self.json([definition]),
                containerFormat: ShellWord(Self.json([definition]).replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "%%").replacingOccurrences(of: Self.imageSlot, with: "%s")),
                isExternalImage: source.external != nil, imageVariable: Self.imageVariable(of: service),
                desired: String(service.int("desired") ?? 1), launchType: ShellWord(service.string("launch") == "ec2" ? "EC2" : "FARGATE"),
                subnetList: RunbookNames.subnetList(subnets(of: service, in: stage)),
                securityGroupVariable: Self.securityGroupVariable(service.id),
                loadBalancers: balancers, hasLoadBalancers: !balancers.isEmpty,
                serviceConnect: connect, hasServiceConnect: !connect.isEmpty,
                execDeclared: service.bool("exec") == true,
                serviceLookup: ShellWord("services[?status==`\"ACTIVE\"`].serviceName | [0]"),
                logGroup: ShellWord(logGroup))
        }
    }

    /// Pretty JSON with sorted keys, for files the runbook writes with a quoted heredoc.
    static func json<T: Encodable>(_ value: T) -> String {
        String(decoding: (try? JSONOutput.data(value)) ?? Data(), as: UTF8.self)
    }

    // MARK: - Autoscaling

    /// Metrics of the ALB (namespace AWS/ApplicationELB, dimensions LoadBalancer and TargetGroup);
    /// everything else is a service metric in AWS/ECS (ClusterName, ServiceName).
    static let loadBalancerMetrics: Set<String> = ["TargetResponseTime", "RequestCountPerTarget", "HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count"]

    func autoscaling(in stage: StageTopology) -> [ScalingContext] {
        stage.resources(ofKind: .autoscaling).filter(includes).compactMap { policy in
            guard let targetID = policy.string("target"), let target = stage.resource(targetID), target.kind == .ecsService else { return nil }
            let cluster = Self.clusterName(of: target, in: stage)
            let metric = policy.string("metric") ?? "CPUUtilization"
            let balancer = stage.incoming(target.id).compactMap { stage.resource($0.from) }.first { $0.kind == .alb }
            let isELB = Self.loadBalancerMetrics.contains(metric) && balancer != nil
            let out = policy.int("scale_out") ?? 70
            let scaleIn = policy.int("scale_in") ?? 30
            return ScalingContext(
                service: ShellWord(target.name), resourceID: ShellWord("service/\(cluster)/\(target.name)"),
                min: String(policy.int("min") ?? target.int("min") ?? target.int("desired") ?? 1),
                max: String(policy.int("max") ?? target.int("max") ?? (target.int("desired") ?? 1) * 2),
                metric: ShellWord(metric), namespace: ShellWord(isELB ? "AWS/ApplicationELB" : "AWS/ECS"),
                isLoadBalancerMetric: isELB,
                loadBalancerVariable: balancer.map { RunbookNames.variable($0.id) } ?? "",
                targetGroupVariable: balancer.map { Self.targetGroupVariable($0, target) } ?? "",
                statistic: ShellWord("Average"), scaleOut: String(out), scaleIn: String(scaleIn),
                outPolicy: ShellWord(RunbookNames.valid("\(target.name)-scale-out", limit: 255)),
                inPolicy: ShellWord(RunbookNames.valid("\(target.name)-scale-in", limit: 255)),
                outAlarm: ShellWord("\(target.name)-\(metric)-above-\(out)"), inAlarm: ShellWord("\(target.name)-\(metric)-below-\(scaleIn)"),
                clusterDimension: ShellWord("Name=ClusterName,Value=\(cluster)"), serviceDimension: ShellWord("Name=ServiceName,Value=\(target.name)"))
        }
    }
}

// The JSON files a runbook writes (task definition, Service Connect), as Encodable shapes.
struct PortMapping: Encodable { var name: String; var containerPort: Int; var `protocol` = "tcp"; var appProtocol = "http" }
struct LogConfiguration: Encodable { var logDriver = "awslogs"; var options: [String: String] }
struct ConnectAlias: Encodable { var port: Int; var dnsName: String }
struct ConnectService: Encodable { var portName: String; var discoveryName: String; var clientAliases: [ConnectAlias] }
struct ServiceConnect: Encodable { var enabled: Bool; var namespace: String; var services: [ConnectService] }

/// One value of a heterogeneous JSON object (a container definition's fields).
struct AnyEncodable: Encodable {
    let encodeValue: @Sendable (any Encoder) throws -> Void
    init<T: Encodable & Sendable>(_ value: T) { encodeValue = { try value.encode(to: $0) } }
    func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}
