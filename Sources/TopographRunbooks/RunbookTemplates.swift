/// The default templates, embedded by SwiftPM (`resources: [.embedInCode("Templates")]`,
/// so a copied binary keeps them), registered in one list by name. `--templates DIR`
/// replaces any of them by a file of the same name.
package enum RunbookTemplates {
    package static let all: [String: [UInt8]] = [
        "stage": PackageResources.stage_mustache,
        "migration": PackageResources.migration_mustache,
        "sections": PackageResources.sections_mustache,
        "prerequisites": PackageResources.prerequisites_mustache,
        "gateways": PackageResources.gateways_mustache,
        "dns-records": PackageResources.dns_records_mustache,
        "endpoints": PackageResources.endpoints_mustache,
        "images": PackageResources.images_mustache,
        "load-balancers": PackageResources.load_balancers_mustache,
        "ecs-services": PackageResources.ecs_services_mustache,
        "ecs-exec": PackageResources.ecs_exec_mustache,
        "databases": PackageResources.databases_mustache,
        "redis-sessions": PackageResources.redis_sessions_mustache,
        "http-api": PackageResources.http_api_mustache,
        "rest-api": PackageResources.rest_api_mustache,
        "autoscaling": PackageResources.autoscaling_mustache,
        "smoke-tests": PackageResources.smoke_tests_mustache,
        "load-test": PackageResources.load_test_mustache,
        "service-checks": PackageResources.service_checks_mustache,
        "provision": PackageResources.provision_mustache,
        "found": PackageResources.found_mustache,
    ]

    package static var texts: [String: String] { all.mapValues { String(decoding: $0, as: UTF8.self) } }
}

/// Every context type a template sees, for the strict-mode test and the docs table.
package enum RunbookContexts {
    package static let all: [any RunbookSectionContext.Type] = [
        StageContext.self, SetupContext.self, SubnetContext.self, SecurityGroupContext.self, IngressRuleContext.self,
        GroupAttachmentContext.self, GatewaysContext.self, NatGatewayContext.self, AliasRecordContext.self, RolesContext.self,
        EndpointContext.self, ImageContext.self, ImagePush.self, LoadBalancerContext.self, TargetGroupContext.self,
        ListenerContext.self, ListenerRuleContext.self, ServiceContext.self, ServiceTargetGroup.self, ScalingContext.self,
        HTTPAPIContext.self, IntegrationContext.self, ServiceIntegrationContext.self, RouteContext.self, RESTAPIContext.self, RESTResourceContext.self,
        RESTMethodContext.self, SuccessCode.self, DatabaseContext.self, ServiceRef.self, SessionStoreContext.self,
        SmokeTestContext.self, LoadTestContext.self, LoadTestTarget.self, MigrationContext.self, MigrationChange.self,
        MigrationRemoval.self, ServiceChecksContext.self, QueueCheckContext.self, TopicCheckContext.self, RuleCheckContext.self,
        StateMachineCheckContext.self, KubernetesCheckContext.self, FileSystemCheckContext.self, AlarmCheckContext.self,
        ProvisionContext.self, FoundResourceContext.self,
    ]
}
