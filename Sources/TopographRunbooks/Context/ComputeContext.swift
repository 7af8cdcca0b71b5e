import TopographModel

package struct LoadBalancerContext: RunbookSectionContext {
    package var id: ShellWord
    package var label: ProseText
    package var name: ShellWord
    package var variable: String
    package var isNlb: Bool
    package var kindTitle: String
    package var type: ShellWord
    package var scheme: ShellWord
    package var subnetWords: String
    package var securityGroupVariable: String
    package var lookupQuery: ShellWord
    package var crossZone: Bool
    package var privateLinkRulesOff: Bool
    package var targetGroups: [TargetGroupContext]
    package var listeners: [ListenerContext]
    package var hasTargets: Bool
    package var hasListeners: Bool

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "id": "the load balancer's id in the topology",
        "label": "its label",
        "name": "its AWS name",
        "variable": "the prefix of its shell variables (`<V>_ARN`, `<V>_DNS`)",
        "isNlb": "a Network Load Balancer, else an Application Load Balancer",
        "kindTitle": "`ALB` or `NLB`",
        "type": "`application` or `network`",
        "scheme": "`internal` or `internet-facing`",
        "subnetWords": "its subnets' variables, as quoted shell words",
        "securityGroupVariable": "the variable of its security group",
        "lookupQuery": "the `describe-load-balancers` query finding it by name",
        "crossZone": "NLB: cross-zone load balancing on",
        "privateLinkRulesOff": "NLB: inbound rules not enforced on PrivateLink traffic",
        "targetGroups": "its target groups, one per target",
        "listeners": "its listeners, each with its default target group and path rules",
        "hasTargets": "whether anything the runbook registers is behind it",
        "hasListeners": "whether it gets listeners (an NLB without targets gets none)",
    ]
}

package struct TargetGroupContext: RunbookSectionContext {
    package var name: ShellWord
    package var variable: String
    package var targetLabel: ShellWord
    package var proto: ShellWord
    package var port: String
    package var targetType: ShellWord
    package var healthCheckPath: ShellWord
    package var hasHealthCheckPath: Bool
    package var lookupQuery: ShellWord
    /// For an NLB in front of an ALB: the ALB's ARN variable, registered as the target.
    package var albTargetVariable: String
    package var albLookup: ShellWord
    package var isAlbTarget: Bool

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "name": "the target group name: at most 32 characters, made valid with a stable hash suffix",
        "variable": "the shell variable that holds its ARN",
        "targetLabel": "what it forwards to (the target's id)",
        "proto": "`HTTP` (ALB) or `TCP` (NLB)",
        "port": "the target port",
        "targetType": "`ip` for Fargate tasks, `alb` for an ALB behind an NLB",
        "healthCheckPath": "the health-check path",
        "hasHealthCheckPath": "whether a path health check applies (HTTP, or HTTP checks of an NLB)",
        "lookupQuery": "the `describe-target-groups` query finding it by name",
        "albTargetVariable": "for an `alb` target: the variable of the ALB's ARN",
        "albLookup": "for an `alb` target: the `describe-load-balancers` query finding the ALB",
        "isAlbTarget": "whether the target is an ALB",
    ]
}

package struct ListenerContext: RunbookSectionContext {
    package var port: String
    package var proto: ShellWord
    package var variable: String
    package var defaultTargetVariable: String
    package var hasDefaultTarget: Bool
    package var loadBalancerVariable: String
    package var isHTTPS: Bool
    package var lookupQuery: ShellWord
    package var rules: [ListenerRuleContext]
    package var hasRules: Bool

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "port": "the listener port",
        "proto": "`HTTP` or `TCP` (an HTTPS listener needs a certificate: see the note in the runbook)",
        "variable": "the shell variable that holds the listener ARN",
        "defaultTargetVariable": "the variable of the default action's target group",
        "hasDefaultTarget": "whether it forwards to a target group (else it answers a fixed 404)",
        "loadBalancerVariable": "the prefix of its load balancer's variables",
        "isHTTPS": "an HTTPS listener (port 443), which needs an ACM certificate",
        "lookupQuery": "the `describe-listeners` query finding the listener by port",
        "rules": "path rules, from connection labels that are paths (`/orders/*`)",
        "hasRules": "whether there are path rules",
    ]
}

package struct ListenerRuleContext: RunbookSectionContext {
    package var priority: String
    package var conditions: ShellWord
    package var targetVariable: String
    package var pattern: ShellWord
    package var lookupQuery: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "priority": "the rule's priority (10, 20, ... in the order written)",
        "conditions": "the `--conditions` value (`Field=path-pattern,Values=...`)",
        "targetVariable": "the variable of the target group it forwards to",
        "pattern": "the path pattern",
        "lookupQuery": "the `describe-rules` query finding a rule with that pattern",
    ]
}

package struct ServiceContext: RunbookSectionContext {
    package var id: ShellWord
    package var label: ProseText
    package var name: ShellWord
    package var cluster: ShellWord
    package var clusterLookup: ShellWord
    package var variable: String
    package var family: ShellWord
    package var container: ShellWord
    package var image: ShellWord
    package var port: String
    package var hasPort: Bool
    package var portName: ShellWord
    package var containerDefinitions: String
    package var containerFormat: ShellWord
    package var isExternalImage: Bool
    package var imageVariable: String
    package var desired: String
    package var launchType: ShellWord
    package var subnetList: String
    package var securityGroupVariable: String
    package var loadBalancers: [ServiceTargetGroup]
    package var hasLoadBalancers: Bool
    package var serviceConnect: String
    package var hasServiceConnect: Bool
    package var execDeclared: Bool
    package var serviceLookup: ShellWord
    package var logGroup: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "id": "the service's id in the topology",
        "label": "its label",
        "name": "its AWS name",
        "cluster": "its cluster's AWS name",
        "clusterLookup": "the `describe-clusters` query that tells whether the cluster exists",
        "variable": "the prefix of its shell variables (`<V>_TASK`, `<V>_TASK_DEF`)",
        "family": "the task definition family (the service name)",
        "container": "the first container's name",
        "image": "the first container's image: the external image, else `repository:tag` pushed to ECR",
        "port": "the first container's port",
        "hasPort": "whether a port is declared",
        "portName": "the port mapping's name (Service Connect's `portName`)",
        "containerDefinitions": "the container definitions JSON, written to a file by a quoted heredoc (external images)",
        "containerFormat": "the container definitions as a `printf` format whose `%s` is the pushed image's URI",
        "isExternalImage": "the image comes from another registry (`image:` not an ECR URI) and is used as declared",
        "imageVariable": "the variable holding the URI of the image the runbook pushed (`<SERVICE>_IMAGE`)",
        "desired": "the desired task count",
        "launchType": "`FARGATE` or `EC2`",
        "subnetList": "the subnets' variables, comma separated inside `awsvpcConfiguration`",
        "securityGroupVariable": "the variable of the tasks' security group",
        "loadBalancers": "the target groups the service registers in",
        "hasLoadBalancers": "whether it sits behind a load balancer",
        "serviceConnect": "the Service Connect configuration JSON (client-server publishes a port)",
        "hasServiceConnect": "whether Service Connect is on",
        "execDeclared": "whether the topology declares `exec: true`",
        "serviceLookup": "the `describe-services` query that tells whether the service is active",
        "logGroup": "the CloudWatch Logs group of its containers",
    ]
}

package struct ServiceTargetGroup: RunbookSectionContext {
    package var targetGroupVariable: String
    package var lookupQuery: ShellWord
    package var suffix: ShellWord
    package var container: ShellWord
    package var port: String

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "targetGroupVariable": "the variable of the target group's ARN",
        "lookupQuery": "the `describe-target-groups` query finding it by name",
        "suffix": "`,containerName=<container>,containerPort=<port>` of the `--load-balancers` value",
        "container": "the container registered",
        "port": "its port",
    ]
}

package struct ScalingContext: RunbookSectionContext {
    package var service: ShellWord
    package var resourceID: ShellWord
    package var min: String
    package var max: String
    package var metric: ShellWord
    package var namespace: ShellWord
    package var isLoadBalancerMetric: Bool
    package var loadBalancerVariable: String
    package var targetGroupVariable: String
    package var statistic: ShellWord
    package var scaleOut: String
    package var scaleIn: String
    package var outPolicy: ShellWord
    package var inPolicy: ShellWord
    package var outAlarm: ShellWord
    package var inAlarm: ShellWord
    package var clusterDimension: ShellWord
    package var serviceDimension: ShellWord

    package static let fieldDocs: KeyValuePairs<String, String> = [
        "service": "the scaled service's name",
        "resourceID": "`service/<cluster>/<service>`",
        "min": "minimum task count",
        "max": "maximum task count",
        "metric": "the CloudWatch metric",
        "namespace": "the metric's real namespace: `AWS/ECS` (CPU, memory) or `AWS/ApplicationELB` (latency, requests)",
        "isLoadBalancerMetric": "whether the metric is the ALB's (dimensions LoadBalancer and TargetGroup)",
        "loadBalancerVariable": "ALB metrics: the variable of the ALB's ARN",
        "targetGroupVariable": "ALB metrics: the variable of the service's target group ARN",
        "statistic": "`Average`",
        "scaleOut": "the threshold above which a task is added",
        "scaleIn": "the threshold below which a task is removed",
        "outPolicy": "the scale-out policy's name",
        "inPolicy": "the scale-in policy's name",
        "outAlarm": "the scale-out alarm's name",
        "inAlarm": "the scale-in alarm's name",
        "clusterDimension": "`Name=ClusterName,Value=<cluster>`",
        "serviceDimension": "`Name=ServiceName,Value=<service>`",
    ]
}
