import Foundation
import TopographModel

extension RunbookBuilder {
    // MARK: - Databases

    func databases(in stage: StageTopology) -> [DatabaseContext] {
        stage.resources(ofKinds: [.rds, .aurora]).filter(includes).map { database in
            let isAurora = database.kind == .aurora
            let engine = database.string("engine") ?? (isAurora ? "aurora-postgresql" : "postgres")
            let isPostgres = engine.contains("postgres")
            let clients = stage.incoming(database.id).compactMap { stage.resource($0.from) }
            let bastion = clients.first { $0.kind == .ec2 && stage.incoming($0.id).contains { stage.resource($0.from)?.kind == .user } }
            let service = clients.first { $0.kind == .ecsService }
            let lookup = isAurora
                ? RunbookNames.lookup("DBClusters", "DBClusterIdentifier", database.name, select: "Endpoint")
                : RunbookNames.lookup("DBInstances", "DBInstanceIdentifier", database.name, select: "Endpoint.Address")
            return DatabaseContext(
                id: ShellWord(database.id), label: ProseText(database.label), name: ShellWord(database.name),
                variable: RunbookNames.variable(database.id), isAurora: isAurora, isPostgres: isPostgres,
                port: isPostgres ? "5432" : "3306", client: isPostgres ? "psql" : "mysql", lookupQuery: lookup,
                hasBastion: bastion != nil, bastionName: ShellWord(bastion?.name ?? ""),
                bastionFilter: ShellWord("Name=tag:Name,Values=\(bastion?.name ?? "")"),
                bastionVariable: bastion.map { RunbookNames.variable($0.id) + "_ID" } ?? "",
                hasShellService: service != nil, shellService: service.map { serviceRef($0, in: stage) } ?? Self.emptyRef)
        }
    }

    // MARK: - Redis

    func sessionStores(in stage: StageTopology) -> [SessionStoreContext] {
        stage.resources(ofKind: .redis).filter(includes).filter { $0.string("role") != "cache" || $0.string("key_pattern") != nil }.map { store in
            // A service that talks to the store hosts the AWS-side checks (ECS Exec into it);
            // for the rolling-update check, a second one survives the first one's rollout.
            let clients = stage.incoming(store.id).compactMap { stage.resource($0.from) }.filter { $0.kind == .ecsService }
            let shell = clients.first
            let other = clients.dropFirst().first
            let tls = store.bool("tls") == true
            return SessionStoreContext(
                id: ShellWord(store.id), label: ProseText(store.label), name: ShellWord(store.name),
                variable: RunbookNames.variable(store.id), pattern: ShellWord(store.string("key_pattern") ?? "*"),
                tls: tls, tlsFlag: tls ? "--tls " : "", redisPort: String(store.int("port") ?? 6379),
                isSessionStore: store.string("role") == "session-store",
                hasLocalContainer: store.string("local_container") != nil, localContainer: ShellWord(store.string("local_container") ?? ""),
                hasShellService: shell != nil, shellService: shell.map { serviceRef($0, in: stage) } ?? Self.emptyRef,
                hasOtherService: other != nil, otherService: other.map { serviceRef($0, in: stage) } ?? Self.emptyRef,
                rolledService: shell.map { serviceRef($0, in: stage) } ?? Self.emptyRef, hasRolledService: shell != nil)
        }
    }

    // MARK: - Smoke tests and the load test

    /// How a caller authenticates to an API: the header option for curl and vegeta.
    func authorization(of api: Resource, in stage: StageTopology) -> (curl: String, header: String) {
        guard let authorizer = api.string("authorizer").flatMap({ stage.resource($0) }) else { return ("", "") }
        if authorizer.kind == .cognito { return ("-H \"Authorization: $ID_TOKEN\"", "Authorization: $ID_TOKEN") }
        if api.strings("request_headers").contains(where: { $0.lowercased() == "cookie" }) || api.kind == .httpAPI {
            return ("-H \"Cookie: $SESSION_COOKIE\"", "Cookie: $SESSION_COOKIE")
        }
        return ("-H \"Authorization: $API_TOKEN\"", "Authorization: $API_TOKEN")
    }

    func entryPoints(in stage: StageTopology) -> [(label: String, method: String, url: String, curl: String, header: String, expect: String)] {
        var points: [(String, String, String, String, String, String)] = []
        for balancer in stage.resources(ofKind: .alb) where balancer.string("scheme") == "internet-facing" {
            let service = targets(of: balancer, in: stage, kinds: [.ecsService]).first
            let path = RunbookNames.samplePath(service?.string("health_check") ?? balancer.string("health_check") ?? "/", greedy: "health")
            let https = (balancer["listeners"]?.listValue ?? []).contains(.int(443))
            points.append(("\(balancer.id) health check", "GET", "\"\(https ? "https" : "http")://$\(RunbookNames.variable(balancer.id))_DNS\(path)\"", https ? "-k " : "", "", "200"))
        }
        for api in stage.resources(ofKind: .httpAPI) {
            let auth = authorization(of: api, in: stage)
            let stageName = api.string("stage_name") ?? "$default"
            let prefix = stageName == "$default" ? "" : "/" + stageName
            for route in httpAPIs(in: stage).first(where: { $0.id.value == api.id })?.routes ?? [] {
                points.append(("\(api.id) \(route.routeKey.value)", route.curlMethod.value,
                               "\"https://$\(RunbookNames.variable(api.id))_ID.execute-api.$AWS_REGION.amazonaws.com\(prefix)\(route.samplePath)\"",
                               auth.curl, auth.header, "2xx"))
            }
        }
        for api in stage.resources(ofKind: .restAPI) {
            let auth = authorization(of: api, in: stage)
            let stageName = RunbookNames.samplePath(api.string("stage_name") ?? "prod", greedy: "")
            for method in restAPIs(in: stage).first(where: { $0.id.value == api.id })?.methods ?? [] {
                points.append(("\(api.id) \(method.routeKey.value)", method.curlMethod.value,
                               "\"https://$\(RunbookNames.variable(api.id))_ID.execute-api.$AWS_REGION.amazonaws.com\(stageName)\(method.samplePath)\"",
                               auth.curl, auth.header, "2xx"))
            }
        }
        return points
    }

    func smokeTests(in stage: StageTopology) -> [SmokeTestContext] {
        entryPoints(in: stage).map {
            SmokeTestContext(label: ProseText($0.label), method: ShellWord($0.method), url: $0.url, authorization: $0.curl, expect: $0.expect)
        }
    }

    func loadTest(in stage: StageTopology) -> LoadTestContext? {
        let targets = entryPoints(in: stage).filter { $0.method == "GET" }.map {
            LoadTestTarget(line: "GET \($0.url.dropFirst().dropLast())", header: $0.header, hasHeader: !$0.header.isEmpty)
        }
        return targets.isEmpty ? nil : LoadTestContext(targets: targets, requests: "300")
    }
}
