"""The messaging, event, key, secret, storage, container and edge resources of the account,
read back with boto3 into the snapshot (account_snapshot.py), keyed `kind:name` as
state_compare.py expects them. Each reader runs only when the topology declares its kind
(`READERS`), so a topology without queues costs no SQS call.
"""
import json


def _alias_names(c):
    return {a["TargetKeyId"]: a["AliasName"] for a in c("kms").list_aliases()["Aliases"]
            if a.get("TargetKeyId") and not a["AliasName"].startswith("alias/aws/")}


def keys(c, snap):
    kms = c("kms")
    for key_id, alias in _alias_names(c).items():
        rotation = kms.get_key_rotation_status(KeyId=key_id).get("KeyRotationEnabled", False)
        snap.put(f"kms-key:{alias}", {"rotation": rotation})


def queues(c, snap):
    sqs = c("sqs")
    for url in sqs.list_queues().get("QueueUrls", []):
        a = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]
        redrive = json.loads(a["RedrivePolicy"]) if a.get("RedrivePolicy") else {}
        policy = json.loads(a["Policy"]) if a.get("Policy") else {}
        sources = [((s.get("Condition") or {}).get("ArnEquals") or {}).get("aws:SourceArn", "") for s in policy.get("Statement", [])
                   if s.get("Effect") == "Allow" and "sqs:SendMessage" in str(s.get("Action"))]
        snap.put(f"sqs:{url.rsplit('/', 1)[-1]}", {
            "fifo": a.get("FifoQueue") == "true", "visibility_timeout": int(a.get("VisibilityTimeout", 30)),
            "retention": int(a.get("MessageRetentionPeriod", 345600)), "delay": int(a.get("DelaySeconds", 0)),
            "dlq": redrive.get("deadLetterTargetArn", "").rsplit(":", 1)[-1] or None,
            "max_receive_count": int(redrive["maxReceiveCount"]) if redrive.get("maxReceiveCount") else None,
            "kms": a.get("KmsMasterKeyId"), "sse_sqs": a.get("SqsManagedSseEnabled") == "true",
            "publishers": sorted(s.rsplit(":", 1)[-1].rsplit("/", 1)[-1] for s in sources if s)})


def topics(c, snap):
    sns = c("sns")
    for topic in sns.list_topics()["Topics"]:
        a = sns.get_topic_attributes(TopicArn=topic["TopicArn"])["Attributes"]
        endpoints = [s["Endpoint"] for s in sns.list_subscriptions_by_topic(TopicArn=topic["TopicArn"])["Subscriptions"]]
        snap.put(f"sns:{topic['TopicArn'].rsplit(':', 1)[-1]}", {"kms": a.get("KmsMasterKeyId"), "fifo": a.get("FifoTopic") == "true",
                                                                 "subscriptions": sorted(e.rsplit(":", 1)[-1] for e in endpoints)})


def streams(c, snap):
    kinesis = c("kinesis")
    for name in kinesis.list_streams()["StreamNames"]:
        s = kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]
        snap.put(f"kinesis-stream:{name}", {
            "mode": (s.get("StreamModeDetails") or {}).get("StreamMode", "PROVISIONED"), "shards": s.get("OpenShardCount"),
            "retention_hours": s.get("RetentionPeriodHours"), "encryption": s.get("EncryptionType"), "key": s.get("KeyId")})


def events(c, snap):
    ev = c("events")
    archives = {a["EventSourceArn"]: a for a in ev.list_archives().get("Archives", [])}
    for bus in ev.list_event_buses()["EventBuses"]:
        if bus["Name"] != "default":
            archive = archives.get(bus["Arn"])
            snap.put(f"eventbridge-bus:{bus['Name']}", {"archive_days": archive.get("RetentionDays") if archive else None})
        for rule in ev.list_rules(EventBusName=bus["Name"]).get("Rules", []):
            if rule.get("ManagedBy"):
                continue
            targets = ev.list_targets_by_rule(Rule=rule["Name"], EventBusName=bus["Name"]).get("Targets", [])
            snap.put(f"eventbridge-rule:{rule['Name']}", {
                "bus": bus["Name"], "pattern": json.loads(rule["EventPattern"]) if rule.get("EventPattern") else None,
                "schedule": rule.get("ScheduleExpression"), "state": rule.get("State"),
                "targets": sorted(t["Arn"].rsplit(":", 1)[-1] for t in targets),
                "dlqs": sorted((t.get("DeadLetterConfig") or {}).get("Arn", "").rsplit(":", 1)[-1] for t in targets if t.get("DeadLetterConfig")),
                "retries": sorted((t.get("RetryPolicy") or {}).get("MaximumRetryAttempts") for t in targets if t.get("RetryPolicy"))})


def state_machines(c, snap):
    for machine in c("stepfunctions").list_state_machines()["stateMachines"]:
        snap.put(f"step-functions:{machine['name']}", {"type": machine.get("type")})


def secrets(c, snap):
    for secret in c("secretsmanager").list_secrets()["SecretList"]:
        snap.put(f"secrets-manager:{secret['Name']}", {"kms": secret.get("KmsKeyId")})


def file_systems(c, snap, subnets):
    efs = c("efs")
    for fs in efs.describe_file_systems()["FileSystems"]:
        targets = efs.describe_mount_targets(FileSystemId=fs["FileSystemId"])["MountTargets"]
        backup = None
        try:
            backup = efs.describe_backup_policy(FileSystemId=fs["FileSystemId"])["BackupPolicy"]["Status"]
        except Exception:  # no policy: AWS answers PolicyNotFound
            backup = None
        snap.put(f"efs:{fs.get('Name') or fs['CreationToken']}", {
            "encrypted": fs.get("Encrypted", False), "throughput_mode": fs.get("ThroughputMode"),
            "performance_mode": fs.get("PerformanceMode"), "backup": backup == "ENABLED",
            "mount_subnets": sorted(subnets.get(t["SubnetId"], t["SubnetId"]) for t in targets)})


def kubernetes(c, snap):
    eks = c("eks")
    for cluster in eks.list_clusters()["clusters"]:
        snap.put(f"eks-cluster:{cluster}", {})
        for group in eks.list_nodegroups(clusterName=cluster)["nodegroups"]:
            snap.put(f"eks-nodegroup:{group}", {"cluster": cluster})


def streaming(c, snap):
    for cluster in c("kafka").list_clusters_v2().get("ClusterInfoList", []):
        snap.put(f"msk:{cluster['ClusterName']}", {})
    for name in c("firehose").list_delivery_streams()["DeliveryStreamNames"]:
        snap.put(f"firehose:{name}", {})


def brokers(c, snap):
    for broker in c("mq").list_brokers().get("BrokerSummaries", []):
        snap.put(f"mq:{broker['BrokerName']}", {})


def search(c, snap):
    for domain in c("opensearch").list_domain_names().get("DomainNames", []):
        snap.put(f"opensearch:{domain['DomainName']}", {"serverless": False})
    for collection in c("opensearchserverless").list_collections().get("collectionSummaries", []):
        snap.put(f"opensearch:{collection['name']}", {"serverless": True})


def fleets(c, snap):
    for lb in c("elb").describe_load_balancers()["LoadBalancerDescriptions"]:
        snap.put(f"elb-classic:{lb['LoadBalancerName']}", {"scheme": lb.get("Scheme")})
    for group in c("autoscaling").describe_auto_scaling_groups()["AutoScalingGroups"]:
        snap.put(f"autoscaling-group:{group['AutoScalingGroupName']}", {
            "min": group["MinSize"], "max": group["MaxSize"], "desired": group["DesiredCapacity"]})


def schedules(c, snap):
    for schedule in c("scheduler").list_schedules().get("Schedules", []):
        snap.put(f"scheduler:{schedule['Name']}", {})


def pipes(c, snap):
    for pipe in c("pipes").list_pipes().get("Pipes", []):
        snap.put(f"eventbridge-pipe:{pipe['Name']}", {})


def distributions(c, snap):
    for item in (c("cloudfront").list_distributions().get("DistributionList") or {}).get("Items", []):
        snap.put(f"cloudfront:{item.get('Comment') or item['Id']}", {})


# (kinds that make the reader run, reader): a reader taking `subnets` gets the id -> CIDR table.
READERS = [
    ({"kms-key"}, keys), ({"sqs"}, queues), ({"sns"}, topics), ({"kinesis-stream"}, streams),
    ({"eventbridge-bus", "eventbridge-rule"}, events), ({"step-functions"}, state_machines),
    ({"secrets-manager"}, secrets), ({"efs"}, file_systems), ({"eks-cluster", "eks-nodegroup"}, kubernetes),
    ({"msk", "firehose"}, streaming), ({"mq"}, brokers), ({"opensearch"}, search),
    ({"elb-classic", "autoscaling-group"}, fleets), ({"scheduler"}, schedules), ({"eventbridge-pipe"}, pipes),
    ({"cloudfront"}, distributions),
]


def read(c, snap, kinds, subnets):
    for wanted, reader in READERS:
        if kinds is None or wanted & kinds:
            reader(c, snap, subnets) if reader is file_systems else reader(c, snap)
