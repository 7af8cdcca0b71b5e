"""The messaging, event, orchestration, monitoring and fleet kinds of a seeded account (see
seed_account.py): KMS keys, SQS queues (redrive, encryption), SNS topics and their
subscriptions, EventBridge buses and rules with targets, Step Functions state machines whose
definitions call what the topology connects them to, Lambda event source mappings, classic
load balancers, launch templates and Auto Scaling groups, CloudWatch alarms with actions."""
import json

from seed_account import ACCOUNT

ROLE = f"arn:aws:iam::{ACCOUNT}:role/topograph-seed-service"


def seed_kinds(s):
    c, res = s.c, s.res
    kms, sqs, sns, events = c("kms"), c("sqs"), c("sns"), c("events")
    for rid, r in s.of("kms-key"):
        key = kms.create_key(Description=rid)["KeyMetadata"]
        kms.create_alias(AliasName=r.get("alias") or f"alias/{rid}", TargetKeyId=key["KeyId"])
        if r.get("rotation"):
            kms.enable_key_rotation(KeyId=key["KeyId"])
        s.ids[rid] = key["Arn"]
    url = {}
    for rid, r in s.of("sqs"):
        attributes = {"VisibilityTimeout": "visibility_timeout", "MessageRetentionPeriod": "retention", "DelaySeconds": "delay"}
        args = {key: str(r[name]) for key, name in attributes.items() if name in r}
        if r.get("fifo"):
            args["FifoQueue"] = "true"
        if r.get("kms_key") in s.ids:
            args["KmsMasterKeyId"] = s.ids[r["kms_key"]]
        name = r.get("name", rid) + (".fifo" if r.get("fifo") and not r.get("name", rid).endswith(".fifo") else "")
        url[rid] = sqs.create_queue(QueueName=name, Attributes=args)["QueueUrl"]
        s.ids[rid] = sqs.get_queue_attributes(QueueUrl=url[rid], AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    for rid, r in s.of("sqs"):
        if r.get("dlq") in s.ids:
            policy = {"deadLetterTargetArn": s.ids[r["dlq"]], "maxReceiveCount": r.get("max_receive_count", 5)}
            sqs.set_queue_attributes(QueueUrl=url[rid], Attributes={"RedrivePolicy": json.dumps(policy)})
    for rid, r in s.of("sns"):
        attributes = {"KmsMasterKeyId": s.ids[r["kms_key"]]} if r.get("kms_key") in s.ids else {}
        s.ids[rid] = sns.create_topic(Name=r.get("name", rid), Attributes=attributes)["TopicArn"]
    for rid, r in s.of("eventbridge-bus"):
        s.ids[rid] = events.create_event_bus(Name=r.get("name", rid))["EventBusArn"]
        if "archive_days" in r:
            events.create_archive(ArchiveName=f"{r.get('name', rid)}-archive", EventSourceArn=s.ids[rid], RetentionDays=r["archive_days"])
    state_machines(s)
    for e in s.conns:
        a, b = res.get(e["from"], {}), res.get(e["to"], {})
        if a.get("kind") == "sns" and b.get("kind") in ("lambda", "sqs") and e["to"] in s.ids:
            sns.subscribe(TopicArn=s.ids[e["from"]], Protocol=b["kind"], Endpoint=s.ids[e["to"]])
        elif a.get("kind") in ("sqs", "kinesis-stream", "dynamodb") and b.get("kind") == "lambda" and e["from"] in s.ids:
            c("lambda").create_event_source_mapping(EventSourceArn=s.ids[e["from"]], FunctionName=s.ids[e["to"]])
    for rid, r in s.of("lambda"):
        if rid in s.ids and r.get("on_failure") in s.ids:
            c("lambda").put_function_event_invoke_config(FunctionName=s.ids[rid], DestinationConfig={"OnFailure": {"Destination": s.ids[r["on_failure"]]}})
    for rid, r in s.of("eventbridge-rule"):
        bus = res.get(r.get("bus"), {}).get("name", r.get("bus")) if r.get("bus") else "default"
        rule = {"Name": r.get("name", rid), "EventBusName": bus, "State": "ENABLED" if r.get("enabled", True) else "DISABLED"}
        if r.get("schedule"):
            rule["ScheduleExpression"] = r["schedule"]
        else:
            rule["EventPattern"] = json.dumps({"source": [rid]})
        events.put_rule(**rule)
        targets = [e["to"] for e in s.conns if e["from"] == rid and e["to"] in s.ids] + [t for t in r.get("targets") or [] if t in s.ids]
        entries = []
        for index, target in enumerate(dict.fromkeys(targets)):
            entry = {"Id": f"t{index}", "Arn": s.ids[target], "RoleArn": ROLE}
            if r.get("dlq") in s.ids:
                entry["DeadLetterConfig"] = {"Arn": s.ids[r["dlq"]]}
            if "retry_attempts" in r:
                entry["RetryPolicy"] = {"MaximumRetryAttempts": r["retry_attempts"]}
            entries.append(entry)
        if entries:
            events.put_targets(Rule=rule["Name"], EventBusName=bus, Targets=entries)
    fleets(s)
    alarms(s)


def state_machines(s):
    """A definition whose tasks call what the topology connects the state machine to: Lambda
    functions by ARN, tables by name, topics and queues by ARN/URL (AWS's service integrations)."""
    for rid, r in s.of("step-functions"):
        states, names = {}, []
        for e in s.conns:
            if e["from"] != rid or e["to"] not in s.ids:
                continue
            kind, target = s.res[e["to"]]["kind"], s.ids[e["to"]]
            task = {"lambda": ("arn:aws:states:::lambda:invoke", {"FunctionName": target}),
                    "dynamodb": ("arn:aws:states:::dynamodb:updateItem", {"TableName": s.res[e["to"]].get("name", e["to"]), "Key": {"id": {"S.$": "$.id"}}}),
                    "sns": ("arn:aws:states:::sns:publish", {"TopicArn": target, "Message.$": "$"}),
                    "sqs": ("arn:aws:states:::sqs:sendMessage", {"QueueUrl": target, "MessageBody.$": "$"})}.get(kind)
            if task:
                names.append(e["to"])
                states[e["to"]] = {"Type": "Task", "Resource": task[0], "Parameters": task[1]}
        for current, following in zip(names, names[1:] + [None]):
            states[current].update({"Next": following} if following else {"End": True})
        definition = {"StartAt": names[0], "States": states} if names else {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}
        args = dict(name=r.get("name", rid), definition=json.dumps(definition), roleArn=ROLE, type=r.get("type", "STANDARD"))
        if r.get("logging"):
            args["loggingConfiguration"] = {"level": r["logging"], "includeExecutionData": False, "destinations": [
                {"cloudWatchLogsLogGroup": {"logGroupArn": f"arn:aws:logs:{s.region}:{ACCOUNT}:log-group:/aws/states/{rid}:*"}}]}
        s.ids[rid] = s.c("stepfunctions").create_state_machine(**args)["stateMachineArn"]


def fleets(s):
    ec2, elb, autoscaling = s.c("ec2"), s.c("elb"), s.c("autoscaling")
    for rid, r in s.of("elb-classic"):
        protocols = {str(k): v for k, v in (r.get("listener_protocols") or {}).items()}
        listeners = []
        for port in r.get("listeners") or [80]:
            listener = {"Protocol": protocols.get(str(port), "HTTP"), "LoadBalancerPort": port, "InstanceProtocol": "HTTP", "InstancePort": 80}
            if listener["Protocol"] in ("HTTPS", "SSL"):
                listener["SSLCertificateId"] = s.c("acm").request_certificate(DomainName=f"{rid}.example.com")["CertificateArn"]
            listeners.append(listener)
        name = r.get("name", rid)
        elb.create_load_balancer(LoadBalancerName=name, Listeners=listeners, Subnets=s.subnets(rid), SecurityGroups=[s.sg[rid]] if rid in s.sg else [],
                                 Scheme=r.get("scheme", "internet-facing"))
        if r.get("health_check"):
            elb.configure_health_check(LoadBalancerName=name, HealthCheck={"Target": f"HTTP:80{r['health_check']}", "Interval": 30, "Timeout": 5,
                                                                           "UnhealthyThreshold": 2, "HealthyThreshold": 2})
        elb.modify_load_balancer_attributes(LoadBalancerName=name, LoadBalancerAttributes={
            "CrossZoneLoadBalancing": {"Enabled": bool(r.get("cross_zone", False))},
            "ConnectionDraining": {"Enabled": bool(r.get("connection_draining", False)), "Timeout": 300}})
        s.ids[rid] = name
    for rid, r in s.of("autoscaling-group"):
        template = r.get("launch_template") or f"{rid}-lt"
        data = {"ImageId": "ami-12c6146b", "InstanceType": r.get("instance_type", "t3.micro")}
        if rid in s.sg:
            data["SecurityGroupIds"] = [s.sg[rid]]
        ec2.create_launch_template(LaunchTemplateName=template, LaunchTemplateData=data)
        balancers = [s.ids[e["from"]] for e in s.conns if e["to"] == rid and s.res.get(e["from"], {}).get("kind") == "elb-classic"]
        args = dict(AutoScalingGroupName=r.get("name", rid), LaunchTemplate={"LaunchTemplateName": template, "Version": "$Latest"},
                    MinSize=r.get("min", 1), MaxSize=r.get("max", 1), DesiredCapacity=r.get("desired", r.get("min", 1)),
                    VPCZoneIdentifier=",".join(s.subnets(rid)), LoadBalancerNames=balancers)
        if r.get("health_check_type"):
            args["HealthCheckType"] = r["health_check_type"]
        if "health_check_grace" in r:
            args["HealthCheckGracePeriod"] = r["health_check_grace"]
        autoscaling.create_auto_scaling_group(**args)
        s.ids[rid] = args["AutoScalingGroupName"]


DIMENSIONS = {"sqs": "QueueName", "autoscaling-group": "AutoScalingGroupName", "lambda": "FunctionName", "dynamodb": "TableName", "sns": "TopicName"}


def alarms(s):
    for rid, r in s.of("cloudwatch-alarm"):
        actions = []
        for e in s.conns:
            if e["from"] != rid or e["to"] not in s.ids:
                continue
            target = s.res[e["to"]]
            if target["kind"] == "autoscaling-group":
                # An alarm scales a group through a scaling policy; its ARN names the group.
                autoscaling = s.c("autoscaling")
                autoscaling.put_scaling_policy(AutoScalingGroupName=s.ids[e["to"]], PolicyName=f"{rid}-policy", AdjustmentType="ChangeInCapacity",
                                               ScalingAdjustment=-1 if r.get("comparison", "").startswith("Less") else 1)
                policies = autoscaling.describe_policies(AutoScalingGroupName=s.ids[e["to"]], PolicyNames=[f"{rid}-policy"])["ScalingPolicies"]
                actions.append(policies[0]["PolicyARN"])
            elif target["kind"] in ("sns", "lambda"):
                actions.append(s.ids[e["to"]])
        args = dict(AlarmName=r.get("name", rid), Namespace=r.get("metric_namespace", "AWS/EC2"), MetricName=r.get("metric", "CPUUtilization"),
                    Statistic=r.get("statistic", "Average"), ComparisonOperator=r.get("comparison", "GreaterThanThreshold"),
                    Threshold=float(r.get("threshold", 1)), Period=r.get("period", 60), EvaluationPeriods=r.get("evaluation_periods", 1), AlarmActions=actions)
        watched = s.res.get(r.get("watches"), {})
        if watched.get("kind") in DIMENSIONS:
            args["Dimensions"] = [{"Name": DIMENSIONS[watched["kind"]], "Value": watched.get("name", r["watches"])}]
        s.c("cloudwatch").put_metric_alarm(**args)
        s.ids[rid] = args["AlarmName"]
