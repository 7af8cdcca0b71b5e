import TopographModel

/// Connections of event-driven architectures, each from the property that routes the
/// events: EventBridge rules (bus -> rule -> targets), Scheduler schedules, Pipes
/// (source -> pipe -> enrichment, target), log subscription filters, user pool triggers, and
/// the tasks of a state machine's definition. Where the router itself has no kind in the
/// catalog, the edge goes from the source straight to the target.
extension ImportBuilder {
    func connectEventRouting() {
        for rule in byType["AWS::Events::Rule"] ?? [] {
            let targets = (rule["Targets"]?.list ?? []).flatMap { nodeKeys($0["Arn"]) }
            let buses = nodeKeys(rule["EventBusName"])
            if kindByKey[rule.key] != nil {
                for bus in buses { addEdge(bus, rule.key, label: "events", why: "the rule matches events on this bus") }
                for target in targets { addEdge(rule.key, target, label: "events", why: "a target of the rule") }
            } else {
                for bus in buses {
                    for target in targets { addEdge(bus, target, label: "events", why: "a rule on the bus targets it") }
                }
            }
        }
        for schedule in byType["AWS::Scheduler::Schedule"] ?? [] where kindByKey[schedule.key] != nil {
            for target in nodeKeys(schedule["Target"]?["Arn"]) { addEdge(schedule.key, target, label: "invokes", why: "the schedule's target") }
        }
        for pipe in byType["AWS::Pipes::Pipe"] ?? [] {
            let sources = nodeKeys(pipe["Source"])
            let targets = nodeKeys(pipe["Target"])
            let enrichments = nodeKeys(pipe["Enrichment"])
            if kindByKey[pipe.key] != nil {
                for source in sources { addEdge(source, pipe.key, label: "events", why: "the pipe's source") }
                for enrichment in enrichments { addEdge(pipe.key, enrichment, label: "enrich", why: "the pipe's enrichment") }
                for target in targets { addEdge(pipe.key, target, label: "events", why: "the pipe's target") }
            } else {
                for source in sources {
                    for target in targets { addEdge(source, target, label: "events", why: "a pipe from the source to the target") }
                }
            }
        }
        for filter in byType["AWS::Logs::SubscriptionFilter"] ?? [] {
            var groups = nodeKeys(filter["LogGroupName"]).filter { kindByKey[$0] == KindID.cloudwatch.rawValue }
            if groups.isEmpty, let name = filter["LogGroupName"]?.literal {
                groups = nodes.filter { $0.kind == KindID.cloudwatch.rawValue && byKey[$0.key]?["LogGroupName"]?.literal == name }.map(\.key)
            }
            for group in groups {
                for target in nodeKeys(filter["DestinationArn"]) { addEdge(group, target, label: "log events", why: "a subscription filter of the log group") }
            }
        }
        for pool in byType["AWS::Cognito::UserPool"] ?? [] where kindByKey[pool.key] != nil {
            for trigger in pool["LambdaConfig"]?.entries ?? [] {
                for function in nodeKeys(trigger.value) { addEdge(pool.key, function, label: "trigger", why: "a Lambda trigger of the user pool") }
            }
        }
        for machine in byType["AWS::StepFunctions::StateMachine"] ?? [] where kindByKey[machine.key] != nil {
            // The definition's task resources (usually passed in through DefinitionSubstitutions) are what the state machine calls.
            let named = nodeKeys(machine["DefinitionSubstitutions"]) + nodeKeys(machine["Definition"]) + nodeKeys(machine["DefinitionString"])
            for target in named where target != machine.key { addEdge(machine.key, target, label: "invokes", why: "a task of the state machine's definition") }
        }
    }
}
