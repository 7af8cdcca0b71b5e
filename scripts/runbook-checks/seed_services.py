"""Seeds moto with what a stage declares of the newer kinds and its runbook lists as found,
not created (state machines, EKS clusters and node groups, MSK, MQ, OpenSearch, Firehose,
classic ELBs, Auto Scaling groups with their launch templates, schedules, pipes, CloudFront
distributions, alarms the topology does not describe fully), as a person would have made
them, with the declared attributes. Keys, queues, topics, streams, buses, rules, secrets,
file systems and described alarms the runbooks create themselves: nothing seeds those.
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

    account = "123456789012"
    arn = lambda service, rest: f"arn:aws:{service}:{region}:{account}:{rest}"
    for rid, body in resources.items():
        k = body.get("kind")
        name = name_of(rid)
        if k == "step-functions":
            definition = json.dumps({"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": True}}})
            level = body.get("logging", "OFF")
            logging = {"level": level, "includeExecutionData": False, "destinations": [] if level == "OFF" else [
                {"cloudWatchLogsLogGroup": {"logGroupArn": arn("logs", f"log-group:/aws/vendedlogs/states/{name}:*")}}]}
            client("stepfunctions").create_state_machine(
                name=name, definition=definition, roleArn=role_arn, type=body.get("type", "STANDARD"), loggingConfiguration=logging)
        elif k == "cloudwatch-alarm" and not all(body.get(a) is not None for a in ("metric", "metric_namespace", "threshold", "comparison")):
            # An alarm the topology does not describe fully is a prerequisite the runbook finds.
            client("cloudwatch").put_metric_alarm(
                AlarmName=name, MetricName=body.get("metric", "CPUUtilization"), Namespace=body.get("metric_namespace", "AWS/EC2"),
                Statistic=body.get("statistic", "Average"), Period=body.get("period", 60), EvaluationPeriods=body.get("evaluation_periods", 1),
                Threshold=float(body.get("threshold", 1)), ComparisonOperator=body.get("comparison", "GreaterThanOrEqualToThreshold"))
        elif k == "msk":
            client("kafka").create_cluster_v2(ClusterName=name, Provisioned={
                "KafkaVersion": str(body.get("kafka_version", "3.6.0")), "NumberOfBrokerNodes": int(body.get("brokers", 3)),
                "BrokerNodeGroupInfo": {"InstanceType": body.get("broker_type", "kafka.m7g.large"), "ClientSubnets": subnets_of(body)}})
        elif k == "mq":
            client("mq").create_broker(
                BrokerName=name, EngineType=str(body.get("engine", "activemq")).upper(), EngineVersion=str(body.get("engine_version", "5.18")),
                DeploymentMode={"active-standby-multi-az": "ACTIVE_STANDBY_MULTI_AZ", "cluster-multi-az": "CLUSTER_MULTI_AZ"}.get(body.get("deployment"), "SINGLE_INSTANCE"),
                HostInstanceType=body.get("broker_type", "mq.m5.large"), PubliclyAccessible=bool(body.get("public", False)),
                AutoMinorVersionUpgrade=True, SubnetIds=subnets_of(body), Users=[{"Username": "seeded", "Password": "seeded-password-1"}])
        elif k == "opensearch" and body.get("serverless"):
            aoss = client("opensearchserverless")
            # A collection needs an encryption policy first. An AWS-owned key is what a person
            # would pick; moto 5.2 reads KmsARN unconditionally, so the policy names a key.
            aoss.create_security_policy(name=f"{name}-encryption"[:32], type="encryption", policy=json.dumps(
                {"Rules": [{"ResourceType": "collection", "Resource": [f"collection/{name}"]}], "AWSOwnedKey": False,
                 "KmsARN": arn("kms", "key/seeded-collection-key")}))
            aoss.create_collection(name=name, type="TIMESERIES")
        elif k == "opensearch":
            client("opensearch").create_domain(DomainName=name)
        elif k == "elb-classic":
            certificate = client("acm").list_certificates()["CertificateSummaryList"][0]["CertificateArn"]
            ports = body.get("listeners") or [80]
            protocols = body.get("listener_protocols") or {}
            client("elb").create_load_balancer(
                LoadBalancerName=name, Scheme=body.get("scheme", "internet-facing"), Subnets=subnets_of(body),
                Listeners=[{"Protocol": protocols.get(str(p), "HTTP"), "LoadBalancerPort": int(p), "InstanceProtocol": "HTTP", "InstancePort": 80,
                            **({"SSLCertificateId": certificate} if protocols.get(str(p)) == "HTTPS" else {})} for p in ports])
            client("elb").modify_load_balancer_attributes(LoadBalancerName=name, LoadBalancerAttributes={
                "CrossZoneLoadBalancing": {"Enabled": bool(body.get("cross_zone", False))},
                "ConnectionDraining": {"Enabled": bool(body.get("connection_draining", False)), "Timeout": 300}})
        elif k == "autoscaling-group":
            template = body.get("launch_template") or f"{name}-lt"
            client("ec2").create_launch_template(LaunchTemplateName=template, LaunchTemplateData={
                "ImageId": "ami-12c6146b", "InstanceType": body.get("instance_type", "t3.micro")})
            client("autoscaling").create_auto_scaling_group(
                AutoScalingGroupName=name, LaunchTemplate={"LaunchTemplateName": template, "Version": "$Latest"},
                MinSize=int(body.get("min", 1)), MaxSize=int(body.get("max", 1)), DesiredCapacity=int(body.get("desired", body.get("min", 1))),
                VPCZoneIdentifier=",".join(subnets_of(body)), HealthCheckType=body.get("health_check_type", "EC2"))
        elif k == "cloudfront":
            origin = next((name_of(t) for t, b in resources.items() if b.get("kind") == "s3"), "origin.example.com")
            client("cloudfront").create_distribution(DistributionConfig={
                "CallerReference": f"seed-{rid}", "Comment": name, "Enabled": True,
                "Origins": {"Quantity": 1, "Items": [{"Id": "origin", "DomainName": f"{origin}.s3.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
                "DefaultCacheBehavior": {"TargetOriginId": "origin", "ViewerProtocolPolicy": "redirect-to-https",
                                         "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}}, "MinTTL": 0, "TrustedSigners": {"Enabled": False, "Quantity": 0}}})
        else:
            continue
        created.append(f"{k} {rid}")
    # What takes another prerequisite's ARN: schedules (a state machine), pipes (a broker, a
    # function), delivery streams (a stream the runbook creates: its ARN is known by name).
    for rid, body in resources.items():
        k = body.get("kind")
        name = name_of(rid)
        target = body.get("target")
        if k == "scheduler":
            target_arn = arn("states", f"stateMachine:{name_of(target)}") if kind(target) == "step-functions" else arn("lambda", f"function:{name_of(target)}")
            extra = {"DeadLetterConfig": {"Arn": arn("sqs", name_of(body["dlq"]))}} if body.get("dlq") in resources else {}
            client("scheduler").create_schedule(
                Name=name, ScheduleExpression=body.get("schedule", "rate(1 day)"), ScheduleExpressionTimezone=body.get("timezone", "UTC"),
                FlexibleTimeWindow={"Mode": "OFF"}, Target={"Arn": target_arn, "RoleArn": role_arn, **extra})
        elif k == "eventbridge-pipe":
            source = body.get("source")
            source_arn = arn("mq", f"broker:{name_of(source)}:b-seeded") if kind(source) == "mq" else arn("sqs", name_of(source))
            client("pipes").create_pipe(Name=name, Source=source_arn, Target=arn("lambda", f"function:{name_of(target)}"), RoleArn=role_arn)
        elif k == "firehose":
            source = body.get("source")
            extra = {"DeliveryStreamType": "KinesisStreamAsSource", "KinesisStreamSourceConfiguration": {
                "KinesisStreamARN": arn("kinesis", f"stream/{name_of(source)}"), "RoleARN": role_arn}} if kind(source) == "kinesis-stream" else {}
            bucket = next((name_of(d) for d in (body.get("destination"), body.get("backup")) if kind(d) == "s3"), "seeded-bucket")
            s3 = {"RoleARN": role_arn, "BucketARN": f"arn:aws:s3:::{bucket}"}
            if kind(body.get("destination")) == "opensearch":
                # Delivery to a search domain, with the bucket as its backup.
                destination = {"ElasticsearchDestinationConfiguration": {
                    "RoleARN": role_arn, "DomainARN": arn("es", f"domain/{name_of(body['destination'])}"), "IndexName": name, "S3Configuration": s3}}
            else:
                destination = {"ExtendedS3DestinationConfiguration": s3}
            client("firehose").create_delivery_stream(DeliveryStreamName=name, **destination, **extra)
        else:
            continue
        created.append(f"{k} {rid}")
    # Node groups after their clusters.
    for rid, body in resources.items():
        k = body.get("kind")
        if k == "eks-cluster":
            eks = client("eks")
            access = {key: body[name] for key, name in (("endpointPublicAccess", "endpoint_public"), ("endpointPrivateAccess", "endpoint_private"), ("publicAccessCidrs", "public_cidrs")) if name in body}
            eks.create_cluster(name=name_of(rid), roleArn=role_arn, resourcesVpcConfig={"subnetIds": subnets_of(body), **access},
                               **({"version": str(body["version"])} if body.get("version") else {}))
            for gid, group in resources.items():
                if group.get("kind") == "eks-nodegroup" and (group.get("cluster") == rid or group.get("in") == rid):
                    sizes = {"minSize": int(group.get("min", 1)), "maxSize": int(group.get("max", max(1, int(group.get("min", 1))))),
                             "desiredSize": int(group.get("desired", group.get("min", 1)))}
                    eks.create_nodegroup(
                        clusterName=name_of(rid), nodegroupName=name_of(gid), nodeRole=role_arn, subnets=subnets_of(group) or subnets_of(body),
                        scalingConfig=sizes, capacityType=group.get("capacity", "ON_DEMAND"),
                        **({"instanceTypes": list(group["instance_types"])} if group.get("instance_types") else {}))
                    created.append(f"eks-nodegroup {gid}")
            created.append(f"{k} {rid}")
    return created
