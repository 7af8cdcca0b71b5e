"""Seeds moto with the messaging, event, container and storage resources a stage declares,
which the runbooks' service checks look up (queues, topics, buses and rules, state
machines, EKS clusters and node groups, EFS file systems with their mount targets, alarms).
Called by seed_moto.py; returns what it created."""
import json


def seed(client, resources, name_of, region, vpc_id, role_arn):
    created = []
    kind = lambda rid: (resources.get(rid) or {}).get("kind")
    ec2 = client("ec2")
    subnet_ids = {}
    for subnet in ec2.describe_subnets()["Subnets"]:
        for tag in subnet.get("Tags", []):
            if tag["Key"] == "Name":
                subnet_ids[tag["Value"]] = subnet["SubnetId"]
    subnets_of = lambda body: [subnet_ids[name_of(s)] for s in body.get("subnets") or [body.get("in")] if s in resources and name_of(s) in subnet_ids]

    sqs = client("sqs")
    queue_arn = {}
    # Dead-letter queues first, so a queue's redrive policy can name its queue's ARN.
    queues = sorted((rid for rid in resources if kind(rid) == "sqs"), key=lambda rid: not any((b or {}).get("dlq") == rid for b in resources.values()))
    for rid in queues:
        body = resources[rid]
        attributes = {"FifoQueue": "true"} if body.get("fifo") or name_of(rid).endswith(".fifo") else {}
        if body.get("dlq") in queue_arn:
            attributes["RedrivePolicy"] = json.dumps({"deadLetterTargetArn": queue_arn[body["dlq"]], "maxReceiveCount": body.get("max_receive_count", 5)})
        url = sqs.create_queue(QueueName=name_of(rid), Attributes=attributes)["QueueUrl"]
        queue_arn[rid] = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        created.append(f"sqs {rid}")
    for rid, body in resources.items():
        k = body.get("kind")
        name = name_of(rid)
        if k == "sns":
            client("sns").create_topic(Name=name, Attributes={"FifoTopic": "true"} if body.get("fifo") else {})
        elif k == "kinesis-stream":
            client("kinesis").create_stream(StreamName=name, ShardCount=int(body.get("shards", 1)))
        elif k == "eventbridge-bus" and name != "default":
            client("events").create_event_bus(Name=name)
        elif k == "step-functions":
            definition = json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": True}}})
            client("stepfunctions").create_state_machine(name=name, definition=definition, roleArn=role_arn, type=body.get("type", "STANDARD"))
        elif k == "efs":
            efs = client("efs")
            fs = efs.create_file_system(CreationToken=name, Tags=[{"Key": "Name", "Value": name}])["FileSystemId"]
            for subnet in subnets_of(body):
                efs.create_mount_target(FileSystemId=fs, SubnetId=subnet)
        elif k == "kms-key":
            # Keys encrypt what the stage declares (queues, topics, secrets): the runbooks assume them.
            kms = client("kms")
            key = kms.create_key(Description=rid)["KeyMetadata"]["KeyId"]
            kms.create_alias(AliasName=body.get("alias") or f"alias/{name}", TargetKeyId=key)
        elif k == "secrets-manager":
            client("secretsmanager").create_secret(Name=name, SecretString="seeded")
        elif k == "cloudwatch-alarm":
            client("cloudwatch").put_metric_alarm(
                AlarmName=name, MetricName=body.get("metric", "CPUUtilization"), Namespace=body.get("metric_namespace", "AWS/EC2"),
                Statistic=body.get("statistic", "Average"), Period=body.get("period", 60), EvaluationPeriods=body.get("evaluation_periods", 1),
                Threshold=float(body.get("threshold", 1)), ComparisonOperator=body.get("comparison", "GreaterThanOrEqualToThreshold"))
        else:
            continue
        created.append(f"{k} {rid}")
    # Rules after their buses; node groups after their clusters.
    for rid, body in resources.items():
        k = body.get("kind")
        if k == "eventbridge-rule":
            bus = name_of(body["bus"]) if body.get("bus") in resources else "default"
            pattern = {"source": ["topograph.seeded"]} if not body.get("schedule") else None
            arguments = {"ScheduleExpression": body["schedule"]} if body.get("schedule") else {"EventPattern": json.dumps(pattern)}
            client("events").put_rule(Name=name_of(rid), EventBusName=bus, **arguments)
            created.append(f"{k} {rid}")
        elif k == "eks-cluster":
            eks = client("eks")
            eks.create_cluster(name=name_of(rid), roleArn=role_arn, resourcesVpcConfig={"subnetIds": subnets_of(body)})
            for gid, group in resources.items():
                if group.get("kind") == "eks-nodegroup" and (group.get("cluster") == rid or group.get("in") == rid):
                    eks.create_nodegroup(clusterName=name_of(rid), nodegroupName=name_of(gid), nodeRole=role_arn, subnets=subnets_of(group) or subnets_of(body))
                    created.append(f"eks-nodegroup {gid}")
            created.append(f"{k} {rid}")
    return created
