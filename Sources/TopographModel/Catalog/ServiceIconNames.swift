/// The AWS Architecture Icons a `generic` resource may name with `icon:` (`icon: sagemaker`,
/// or `icon: ml/sagemaker` where a name is in two folders): every AWS icon PyPI's `diagrams`
/// 0.25.1 ships, by its folder under `resources/aws/`. A list in the code rather than a
/// directory read, so `validate` answers the same on a machine without the icons; the
/// renderer finds the file (or the Asset Package's) when it draws.
package enum ServiceIcons {
    static let folders: [(folder: String, names: [String])] = [
        ("analytics", [
            "amazon-opensearch-service", "analytics", "athena", "cloudsearch", "cloudsearch-search-documents",
            "data-lake-resource", "data-pipeline", "elasticsearch-service", "emr", "emr-cluster", "emr-engine",
            "emr-engine-mapr-m3", "emr-engine-mapr-m5", "emr-engine-mapr-m7", "emr-hdfs-cluster", "glue",
            "glue-crawlers", "glue-data-catalog", "kinesis", "kinesis-data-analytics", "kinesis-data-firehose",
            "kinesis-data-streams", "kinesis-video-streams", "lake-formation", "managed-streaming-for-kafka",
            "quicksight", "redshift", "redshift-dense-compute-node", "redshift-dense-storage-node"
        ]),
        ("ar", [
            "ar-vr", "sumerian"
        ]),
        ("blockchain", [
            "blockchain", "blockchain-resource", "managed-blockchain", "quantum-ledger-database-qldb"
        ]),
        ("business", [
            "alexa-for-business", "business-applications", "chime", "workmail"
        ]),
        ("compute", [
            "app-runner", "application-auto-scaling", "application-auto-scaling-rounded", "batch", "batch-rounded",
            "compute", "compute-optimizer", "compute-rounded", "ec2", "ec2-ami", "ec2-auto-scaling",
            "ec2-container-registry", "ec2-container-registry-image", "ec2-container-registry-registry",
            "ec2-container-registry-rounded", "ec2-elastic-ip-address", "ec2-image-builder", "ec2-instance",
            "ec2-instances", "ec2-rescue", "ec2-rounded", "ec2-spot-instance", "elastic-beanstalk",
            "elastic-beanstalk-application", "elastic-beanstalk-deployment", "elastic-beanstalk-rounded",
            "elastic-container-service", "elastic-container-service-container", "elastic-container-service-rounded",
            "elastic-container-service-service", "elastic-container-service-service-connect",
            "elastic-container-service-task", "elastic-kubernetes-service", "elastic-kubernetes-service-rounded",
            "fargate", "fargate-rounded", "lambda", "lambda-function", "lambda-rounded", "lightsail",
            "lightsail-rounded", "local-zones", "outposts", "outposts-rounded", "serverless-application-repository",
            "serverless-application-repository-rounded", "thinkbox-deadline", "thinkbox-deadline-rounded",
            "thinkbox-draft", "thinkbox-draft-rounded", "thinkbox-frost", "thinkbox-frost-rounded", "thinkbox-krakatoa",
            "thinkbox-krakatoa-rounded", "thinkbox-sequoia", "thinkbox-sequoia-rounded", "thinkbox-stoke",
            "thinkbox-stoke-rounded", "thinkbox-xmesh", "thinkbox-xmesh-rounded", "vmware-cloud-on-aws",
            "vmware-cloud-on-aws-rounded", "wavelength"
        ]),
        ("cost", [
            "budgets", "cost-and-usage-report", "cost-explorer", "cost-management", "reserved-instance-reporting",
            "savings-plans"
        ]),
        ("database", [
            "aurora", "aurora-instance", "database", "database-migration-service",
            "database-migration-service-database-migration-workflow", "documentdb-mongodb-compatibility", "dynamodb",
            "dynamodb-attribute", "dynamodb-attributes", "dynamodb-dax", "dynamodb-global-secondary-index",
            "dynamodb-item", "dynamodb-items", "dynamodb-streams", "dynamodb-table", "elasticache",
            "elasticache-cache-node", "elasticache-for-memcached", "elasticache-for-redis",
            "keyspaces-managed-apache-cassandra-service", "neptune", "quantum-ledger-database-qldb", "rds",
            "rds-instance", "rds-mariadb-instance", "rds-mysql-instance", "rds-on-vmware", "rds-oracle-instance",
            "rds-postgresql-instance", "rds-sql-server-instance", "redshift", "redshift-dense-compute-node",
            "redshift-dense-storage-node", "timestream"
        ]),
        ("devtools", [
            "cloud-development-kit", "cloud9", "cloud9-resource", "cloudshell", "codeartifact", "codebuild",
            "codecommit", "codedeploy", "codepipeline", "codestar", "command-line-interface", "developer-tools",
            "tools-and-sdks", "x-ray"
        ]),
        ("enablement", [
            "customer-enablement", "iq", "managed-services", "professional-services", "support"
        ]),
        ("enduser", [
            "appstream-2-0", "desktop-and-app-streaming", "workdocs", "worklink", "workspaces"
        ]),
        ("engagement", [
            "connect", "customer-engagement", "pinpoint", "simple-email-service-ses", "simple-email-service-ses-email"
        ]),
        ("game", [
            "game-tech", "gamelift"
        ]),
        ("general", [
            "client", "disk", "forums", "general", "generic-database", "generic-firewall", "generic-office-building",
            "generic-saml-token", "generic-sdk", "internet-alt1", "internet-alt2", "internet-gateway", "marketplace",
            "mobile-client", "multimedia", "office-building", "saml-token", "sdk", "ssl-padlock", "tape-storage",
            "toolkit", "traditional-server", "user", "users"
        ]),
        ("integration", [
            "application-integration", "appsync", "console-mobile-application", "event-resource", "eventbridge",
            "eventbridge-custom-event-bus-resource", "eventbridge-default-event-bus-resource", "eventbridge-event",
            "eventbridge-pipes", "eventbridge-rule", "eventbridge-saas-partner-event-bus-resource",
            "eventbridge-scheduler", "eventbridge-schema", "express-workflows", "mq", "simple-notification-service-sns",
            "simple-notification-service-sns-email-notification", "simple-notification-service-sns-http-notification",
            "simple-notification-service-sns-topic", "simple-queue-service-sqs", "simple-queue-service-sqs-message",
            "simple-queue-service-sqs-queue", "step-functions"
        ]),
        ("iot", [
            "freertos", "internet-of-things", "iot-1-click", "iot-action", "iot-actuator", "iot-alexa-echo",
            "iot-alexa-enabled-device", "iot-alexa-skill", "iot-alexa-voice-service", "iot-analytics",
            "iot-analytics-channel", "iot-analytics-data-set", "iot-analytics-data-store", "iot-analytics-notebook",
            "iot-analytics-pipeline", "iot-bank", "iot-bicycle", "iot-button", "iot-camera", "iot-car", "iot-cart",
            "iot-certificate", "iot-coffee-pot", "iot-core", "iot-desired-state", "iot-device-defender",
            "iot-device-gateway", "iot-device-management", "iot-door-lock", "iot-events", "iot-factory", "iot-fire-tv",
            "iot-fire-tv-stick", "iot-generic", "iot-greengrass", "iot-greengrass-connector", "iot-hardware-board",
            "iot-house", "iot-http", "iot-http2", "iot-jobs", "iot-lambda", "iot-lightbulb", "iot-medical-emergency",
            "iot-mqtt", "iot-over-the-air-update", "iot-policy", "iot-policy-emergency", "iot-reported-state",
            "iot-rule", "iot-sensor", "iot-servo", "iot-shadow", "iot-simulator", "iot-sitewise", "iot-thermostat",
            "iot-things-graph", "iot-topic", "iot-travel", "iot-utility", "iot-windfarm"
        ]),
        ("management", [
            "amazon-devops-guru", "amazon-managed-grafana", "amazon-managed-prometheus",
            "amazon-managed-workflows-apache-airflow", "auto-scaling", "chatbot", "cloudformation",
            "cloudformation-change-set", "cloudformation-stack", "cloudformation-template", "cloudtrail", "cloudwatch",
            "cloudwatch-alarm", "cloudwatch-event-event-based", "cloudwatch-event-time-based", "cloudwatch-logs",
            "cloudwatch-rule", "codeguru", "command-line-interface", "config", "control-tower", "license-manager",
            "managed-services", "management-and-governance", "management-console", "opsworks", "opsworks-apps",
            "opsworks-deployments", "opsworks-instances", "opsworks-layers", "opsworks-monitoring",
            "opsworks-permissions", "opsworks-resources", "opsworks-stack", "organizations", "organizations-account",
            "organizations-organizational-unit", "personal-health-dashboard", "proton", "service-catalog",
            "systems-manager", "systems-manager-app-config", "systems-manager-automation", "systems-manager-documents",
            "systems-manager-inventory", "systems-manager-maintenance-windows", "systems-manager-opscenter",
            "systems-manager-parameter-store", "systems-manager-patch-manager", "systems-manager-run-command",
            "systems-manager-state-manager", "trusted-advisor", "trusted-advisor-checklist",
            "trusted-advisor-checklist-cost", "trusted-advisor-checklist-fault-tolerant",
            "trusted-advisor-checklist-performance", "trusted-advisor-checklist-security", "user-notifications",
            "well-architected-tool"
        ]),
        ("media", [
            "elastic-transcoder", "elemental-conductor", "elemental-delta", "elemental-live", "elemental-mediaconnect",
            "elemental-mediaconvert", "elemental-medialive", "elemental-mediapackage", "elemental-mediastore",
            "elemental-mediatailor", "elemental-server", "kinesis-video-streams", "media-services"
        ]),
        ("migration", [
            "application-discovery-service", "cloudendure-migration", "database-migration-service", "datasync",
            "datasync-agent", "migration-and-transfer", "migration-hub", "server-migration-service", "snowball",
            "snowball-edge", "snowmobile", "transfer-for-sftp"
        ]),
        ("ml", [
            "apache-mxnet-on-aws", "augmented-ai", "bedrock", "comprehend", "deep-learning-amis",
            "deep-learning-containers", "deepcomposer", "deeplens", "deepracer", "elastic-inference", "forecast",
            "fraud-detector", "kendra", "lex", "machine-learning", "personalize", "polly", "q", "rekognition",
            "rekognition-image", "rekognition-video", "sagemaker", "sagemaker-ground-truth", "sagemaker-model",
            "sagemaker-notebook", "sagemaker-training-job", "tensorflow-on-aws", "textract", "transcribe", "transform",
            "translate"
        ]),
        ("mobile", [
            "amplify", "api-gateway", "api-gateway-endpoint", "appsync", "device-farm", "mobile", "pinpoint"
        ]),
        ("network", [
            "api-gateway", "api-gateway-endpoint", "app-mesh", "client-vpn", "cloud-map", "cloudfront",
            "cloudfront-download-distribution", "cloudfront-edge-location", "cloudfront-streaming-distribution",
            "direct-connect", "elastic-load-balancing", "elb-application-load-balancer", "elb-classic-load-balancer",
            "elb-network-load-balancer", "endpoint", "global-accelerator", "internet-gateway", "nacl", "nat-gateway",
            "network-firewall", "networking-and-content-delivery", "private-subnet", "privatelink", "public-subnet",
            "route-53", "route-53-hosted-zone", "route-table", "site-to-site-vpn", "transit-gateway",
            "transit-gateway-attachment", "vpc", "vpc-customer-gateway", "vpc-elastic-network-adapter",
            "vpc-elastic-network-interface", "vpc-flow-logs", "vpc-peering", "vpc-router", "vpc-traffic-mirroring",
            "vpn-connection", "vpn-gateway"
        ]),
        ("quantum", [
            "braket", "quantum-technologies"
        ]),
        ("robotics", [
            "robomaker", "robomaker-cloud-extension-ros", "robomaker-development-environment",
            "robomaker-fleet-management", "robomaker-simulator", "robotics"
        ]),
        ("satellite", [
            "ground-station", "satellite"
        ]),
        ("security", [
            "ad-connector", "artifact", "certificate-authority", "certificate-manager", "cloud-directory", "cloudhsm",
            "cognito", "detective", "directory-service", "firewall-manager", "guardduty",
            "identity-and-access-management-iam", "identity-and-access-management-iam-access-analyzer",
            "identity-and-access-management-iam-add-on", "identity-and-access-management-iam-aws-sts",
            "identity-and-access-management-iam-aws-sts-alternate",
            "identity-and-access-management-iam-data-encryption-key",
            "identity-and-access-management-iam-encrypted-data",
            "identity-and-access-management-iam-long-term-security-credential",
            "identity-and-access-management-iam-mfa-token", "identity-and-access-management-iam-permissions",
            "identity-and-access-management-iam-role",
            "identity-and-access-management-iam-temporary-security-credential", "inspector", "inspector-agent",
            "key-management-service", "macie", "managed-microsoft-ad", "resource-access-manager", "secrets-manager",
            "security-hub", "security-hub-finding", "security-identity-and-compliance", "security-lake", "shield",
            "shield-advanced", "simple-ad", "single-sign-on", "waf", "waf-filtering-rule"
        ]),
        ("storage", [
            "backup", "cloudendure-disaster-recovery", "efs-infrequentaccess-primary-bg", "efs-standard-primary-bg",
            "elastic-block-store-ebs", "elastic-block-store-ebs-snapshot", "elastic-block-store-ebs-volume",
            "elastic-file-system-efs", "elastic-file-system-efs-file-system", "fsx", "fsx-for-lustre",
            "fsx-for-windows-file-server", "multiple-volumes-resource", "s3-access-points", "s3-glacier",
            "s3-glacier-archive", "s3-glacier-vault", "s3-object-lambda-access-points", "simple-storage-service-s3",
            "simple-storage-service-s3-bucket", "simple-storage-service-s3-bucket-with-objects",
            "simple-storage-service-s3-object", "snow-family-snowball-import-export", "snowball", "snowball-edge",
            "snowmobile", "storage", "storage-gateway", "storage-gateway-cached-volume",
            "storage-gateway-non-cached-volume", "storage-gateway-virtual-tape-library"
        ]),
    ]
}
