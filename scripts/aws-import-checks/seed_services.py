"""The services of a seeded account (see seed_account.py): load balancers, ECS, scaling,
repositories, logs, databases, caches, Cloud Map, API Gateway, Lambda, data stores, the edge."""
import json

from seed_account import ACCOUNT, lambda_zip


def seed_services(s):
    c, res = s.c, s.res
    logs = c("logs")
    log_group = {}
    for rid, r in s.of("cloudwatch"):
        # A group only functions write to is theirs: Lambda writes to /aws/lambda/NAME.
        writers = [res[e["from"]] for e in s.conns if e["to"] == rid and e["from"] in res]
        function_names = [w.get("name") for w in writers if w["kind"] == "lambda"]
        default = f"/aws/lambda/{function_names[0]}" if function_names and len(function_names) == len(writers) else f"/topograph/{rid}"
        name = r.get("name") or default
        logs.create_log_group(logGroupName=name)
        log_group[rid] = name
    for rid, r in s.of("ecr"):
        s.ids[rid] = c("ecr").create_repository(repositoryName=r.get("name", rid))["repository"]["repositoryArn"]
    for rid, r in s.of("s3"):
        kwargs = {} if s.region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": s.region}}
        c("s3").create_bucket(Bucket=r.get("name", rid), **kwargs)
        s.ids[rid] = r.get("name", rid)
    for rid, r in s.of("dynamodb"):
        s.ids[rid] = c("dynamodb").create_table(TableName=r.get("name", rid), KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                                                AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                                                BillingMode="PAY_PER_REQUEST")["TableDescription"]["TableArn"]
    for rid, r in s.of("cognito"):
        pool = c("cognito-idp").create_user_pool(PoolName=r.get("name", rid))["UserPool"]
        s.ids[rid] = pool["Id"]
    load_balancers(s)
    namespaces(s)
    ecs(s, log_group)
    databases(s)
    functions(s, log_group)
    from seed_apis import apis
    apis(s)
    edge(s)
    from seed_kinds import seed_kinds
    seed_kinds(s)


def load_balancers(s):
    elb = s.c("elbv2")
    for rid, r in s.of("alb", "nlb"):
        args = dict(Name=r.get("name", rid), Subnets=s.subnets(rid), Scheme=r.get("scheme", "internet-facing"),
                    Type="network" if r["kind"] == "nlb" else "application")
        if rid in s.sg and r["kind"] == "alb":
            args["SecurityGroups"] = [s.sg[rid]]
        lb = elb.create_load_balancer(**args)["LoadBalancers"][0]
        s.ids[rid] = lb["LoadBalancerArn"]
        s.dns = getattr(s, "dns", {})
        s.dns[rid] = lb["DNSName"]
        if r["kind"] == "nlb" and "cross_zone" in r:
            elb.modify_load_balancer_attributes(LoadBalancerArn=lb["LoadBalancerArn"], Attributes=[
                {"Key": "load_balancing.cross_zone.enabled", "Value": "true" if r["cross_zone"] else "false"}])
    for rid, r in s.of("alb", "nlb"):
        targets = [e for e in s.conns if e["from"] == rid and e["to"] in s.res and s.res[e["to"]]["kind"] in ("ecs-service", "alb", "ec2", "lambda")]
        groups = []
        for e in targets:
            target = s.res[e["to"]]
            kind = {"ecs-service": "ip", "alb": "alb", "ec2": "instance", "lambda": "lambda"}[target["kind"]]
            port = e.get("port") or s.port_of(e["to"])
            args = dict(Name=f"{rid}-{e['to']}"[:32], TargetType=kind)
            if kind != "lambda":
                args.update(Protocol="TCP" if r["kind"] == "nlb" else "HTTP", Port=(r.get("listeners") or [80])[0] if kind == "alb" else port,
                            VpcId=s.ids[s.vpc_of(rid)])
            if kind in ("ip", "instance") and r["kind"] == "alb":
                args["HealthCheckPath"] = r.get("health_check") or target.get("health_check") or "/"
            arn = elb.create_target_group(**args)["TargetGroups"][0]["TargetGroupArn"]
            s.tg[(rid, e["to"])] = arn
            if kind in ("alb", "instance", "lambda") and e["to"] in s.ids:
                target = {"Id": s.ids[e["to"]]}
                if kind == "alb":
                    target["Port"] = args["Port"]
                elb.register_targets(TargetGroupArn=arn, Targets=[target])
            groups.append((e, arn))
        for index, port in enumerate(r.get("listeners") or []):
            protocol = "TCP" if r["kind"] == "nlb" else "HTTP"
            default = [{"Type": "forward", "TargetGroupArn": groups[0][1]}] if groups else [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}]
            listener = elb.create_listener(LoadBalancerArn=s.ids[rid], Protocol=protocol, Port=port, DefaultActions=default)["Listeners"][0]["ListenerArn"]
            s.ids[f"{rid}:listener:{port}"] = listener
            for priority, (e, arn) in enumerate(groups[1:], start=1):
                elb.create_rule(ListenerArn=listener, Priority=priority + 10 * index, Actions=[{"Type": "forward", "TargetGroupArn": arn}],
                                Conditions=[{"Field": "path-pattern", "Values": [e.get("label") if str(e.get("label", "")).startswith("/") else f"/{e['to']}*"]}])


def namespaces(s):
    discovery = s.c("servicediscovery")
    s.namespace_ids = {}
    for rid, r in s.of("cloud-map"):
        name = r.get("namespace", f"{rid}.local")
        if s.vpc_of(rid):
            operation = discovery.create_private_dns_namespace(Name=name, Vpc=s.ids[s.vpc_of(rid)])["OperationId"]
        else:
            operation = discovery.create_http_namespace(Name=name)["OperationId"]
        namespace = discovery.get_operation(OperationId=operation)["Operation"]["Targets"]["NAMESPACE"]
        s.namespace_ids[rid] = namespace
        s.ids[rid] = discovery.get_namespace(Id=namespace)["Namespace"]["Arn"]


def ecs(s, log_group):
    ecs = s.c("ecs")
    cluster_arn = {}
    for rid, r in s.of("ecs-cluster"):
        cluster_arn[rid] = ecs.create_cluster(clusterName=r.get("name", rid))["cluster"]["clusterArn"]
        s.ids[rid] = cluster_arn[rid]
    discovery = s.c("servicediscovery")
    s.registry = {}
    for rid, r in s.of("ecs-service"):
        name = r.get("name", rid)
        groups = [log_group[e["to"]] for e in s.conns if e["from"] == rid and e["to"] in log_group]
        containers = []
        for container in r.get("containers") or [{"name": name, "image": "nginx", "port": 80}]:
            image = container.get("image", "nginx").replace("<aws_account_id>", ACCOUNT)
            definition = {"name": container["name"], "image": image, "memory": 512, "essential": True}
            if container.get("port"):
                definition["portMappings"] = [{"containerPort": container["port"], "name": container["name"]}]
            if groups:
                definition["logConfiguration"] = {"logDriver": "awslogs", "options": {"awslogs-group": groups[0], "awslogs-region": s.region, "awslogs-stream-prefix": name}}
            containers.append(definition)
        task = ecs.register_task_definition(family=name, containerDefinitions=containers, networkMode="awsvpc",
                                            requiresCompatibilities=["FARGATE"], cpu="256", memory="512")["taskDefinition"]["taskDefinitionArn"]
        args = dict(cluster=cluster_arn[r["in"]], serviceName=name, taskDefinition=task, desiredCount=r.get("desired", 1),
                    launchType="FARGATE" if r.get("launch", "fargate") == "fargate" else "EC2", enableExecuteCommand=bool(r.get("exec", False)))
        if s.subnets(rid):
            args["networkConfiguration"] = {"awsvpcConfiguration": {"subnets": s.subnets(rid), "securityGroups": [s.sg[rid]]}}
        balancers = [(lb, arn) for (lb, target), arn in s.tg.items() if target == rid]
        if balancers:
            args["loadBalancers"] = [{"targetGroupArn": arn, "containerName": containers[0]["name"], "containerPort": s.port_of(rid)} for _, arn in balancers]
        if r.get("discovery") in getattr(s, "namespace_ids", {}):
            service = discovery.create_service(Name=name, NamespaceId=s.namespace_ids[r["discovery"]],
                                               DnsConfig={"DnsRecords": [{"Type": "SRV", "TTL": 60}]})["Service"]
            s.registry[rid] = service["Arn"]
            args["serviceRegistries"] = [{"registryArn": service["Arn"]}]
        if r.get("service_connect") in ("client-server", "client-only") and r.get("discovery") in getattr(s, "namespace_ids", {}):
            connect = {"enabled": True, "namespace": s.ids[r["discovery"]]}
            if r["service_connect"] == "client-server":
                connect["services"] = [{"portName": containers[0]["name"], "clientAliases": [{"port": s.port_of(rid)}]}]
            args["serviceConnectConfiguration"] = connect
        s.ids[rid] = ecs.create_service(**args)["service"]["serviceArn"]
        if r.get("exec"):
            # moto drops enableExecuteCommand on create (AWS keeps it); update-service keeps it.
            ecs.update_service(cluster=cluster_arn[r["in"]], service=name, enableExecuteCommand=True)
    scaling = s.c("application-autoscaling")
    for rid, r in s.of("autoscaling"):
        target = s.res.get(r.get("target"), {})
        if target.get("kind") != "ecs-service":
            s.skipped.append(f"{rid}: autoscaling of {target.get('kind')}")
            continue
        resource = f"service/{s.res[target['in']].get('name', target['in'])}/{target.get('name', r['target'])}"
        scaling.register_scalable_target(ServiceNamespace="ecs", ResourceId=resource, ScalableDimension="ecs:service:DesiredCount",
                                         MinCapacity=r.get("min", 1), MaxCapacity=r.get("max", 2))
        metric = {"CPUUtilization": "ECSServiceAverageCPUUtilization", "MemoryUtilization": "ECSServiceAverageMemoryUtilization"}.get(r.get("metric"), "ECSServiceAverageCPUUtilization")
        scaling.put_scaling_policy(PolicyName=f"{rid}-policy", ServiceNamespace="ecs", ResourceId=resource, ScalableDimension="ecs:service:DesiredCount",
                                   PolicyType="TargetTrackingScaling", TargetTrackingScalingPolicyConfiguration={
                                       "TargetValue": float(r.get("scale_out", 70)), "PredefinedMetricSpecification": {"PredefinedMetricType": metric}})


def databases(s):
    rds, cache = s.c("rds"), s.c("elasticache")
    for rid, r in s.of("rds", "aurora"):
        group = f"{rid}-subnets"
        rds.create_db_subnet_group(DBSubnetGroupName=group, DBSubnetGroupDescription=rid, SubnetIds=s.subnets(rid))
        if r["kind"] == "aurora":
            s.ids[rid] = rds.create_db_cluster(DBClusterIdentifier=r.get("name", rid), Engine=r.get("engine", "aurora-postgresql"), DBSubnetGroupName=group,
                                               VpcSecurityGroupIds=[s.sg[rid]], MasterUsername="admin", MasterUserPassword="password123")["DBCluster"]["DBClusterArn"]
            rds.create_db_instance(DBInstanceIdentifier=f"{r.get('name', rid)}-1", DBClusterIdentifier=r.get("name", rid), Engine=r.get("engine", "aurora-postgresql"),
                                   DBInstanceClass="db.r6g.large", PubliclyAccessible=bool(r.get("public", False)))
        else:
            s.ids[rid] = rds.create_db_instance(DBInstanceIdentifier=r.get("name", rid), Engine=r.get("engine", "postgres"), DBInstanceClass="db.t3.micro",
                                                AllocatedStorage=20, MasterUsername="admin", MasterUserPassword="password123", DBSubnetGroupName=group,
                                                VpcSecurityGroupIds=[s.sg[rid]], PubliclyAccessible=bool(r.get("public", False)),
                                                MultiAZ=len(r.get("zones") or []) > 1)["DBInstance"]["DBInstanceArn"]
    for rid, r in s.of("elasticache-redis"):
        group = f"{rid}-subnets"
        cache.create_cache_subnet_group(CacheSubnetGroupName=group, CacheSubnetGroupDescription=rid, SubnetIds=s.subnets(rid))
        multi = len(r.get("zones") or []) > 1
        args = dict(ReplicationGroupId=r.get("name", rid), ReplicationGroupDescription=rid, Engine="redis", CacheNodeType="cache.t3.micro",
                    CacheSubnetGroupName=group, SecurityGroupIds=[s.sg[rid]], TransitEncryptionEnabled=bool(r.get("tls", False)),
                    NumCacheClusters=2 if multi else 1, AutomaticFailoverEnabled=multi, MultiAZEnabled=multi)
        if r.get("port"):
            args["Port"] = r["port"]
        group_arn = cache.create_replication_group(**args)["ReplicationGroup"]
        s.ids[rid] = group_arn["ARN"]
        # AWS creates the member clusters (they carry the subnet group the import places the
        # cache with); moto only names them, so they are created here as AWS would have them.
        for member in group_arn.get("MemberClusters") or []:
            cache.create_cache_cluster(CacheClusterId=member, ReplicationGroupId=args["ReplicationGroupId"], CacheSubnetGroupName=group,
                                       SecurityGroupIds=[s.sg[rid]], Engine="redis", CacheNodeType="cache.t3.micro", NumCacheNodes=1)


def functions(s, log_group):
    iam, lam = s.c("iam"), s.c("lambda")
    functions = s.of("lambda")
    if not functions:
        return
    role = iam.create_role(RoleName="topograph-seed-lambda", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    for rid, r in functions:
        args = dict(FunctionName=r.get("name", rid), Runtime=r.get("runtime", "python3.12"), Role=role, Handler="index.handler", Code={"ZipFile": lambda_zip()})
        if "timeout" in r:
            args["Timeout"] = int(r["timeout"])
        if s.subnets(rid):
            args["VpcConfig"] = {"SubnetIds": s.subnets(rid), "SecurityGroupIds": [s.sg[rid]]}
        s.ids[rid] = lam.create_function(**args)["FunctionArn"]


def edge(s):
    ec2 = s.c("ec2")
    for rid, r in s.of("ec2"):
        args = dict(ImageId="ami-12c6146b", InstanceType=r.get("instance_type", "t3.micro"), MinCount=1, MaxCount=1,
                    TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "Name", "Value": r.get("name", rid)}, {"Key": "topograph:id", "Value": rid}]}])
        if s.subnets(rid):
            args.update(SubnetId=s.subnets(rid)[0], SecurityGroupIds=[s.sg[rid]])
        s.ids[rid] = ec2.run_instances(**args)["Instances"][0]["InstanceId"]
    for rid, r in s.of("route53"):
        record = r.get("record") or f"{rid}.example.com"
        zone = s.c("route53").create_hosted_zone(Name=".".join(record.split(".")[-2:]), CallerReference=rid)["HostedZone"]["Id"]
        targets = [e["to"] for e in s.conns if e["from"] == rid and e["to"] in getattr(s, "dns", {})]
        if targets:
            s.c("route53").change_resource_record_sets(HostedZoneId=zone, ChangeBatch={"Changes": [{"Action": "CREATE", "ResourceRecordSet": {
                "Name": record, "Type": "A", "AliasTarget": {"HostedZoneId": "Z35SXDOTRQ7X7K", "DNSName": s.dns[targets[0]], "EvaluateTargetHealth": False}}}]})
        else:
            s.skipped.append(f"{rid}: record with no load balancer to alias")
    for rid, r in s.of("waf"):
        acl = s.c("wafv2").create_web_acl(Name=r.get("name", rid), Scope="REGIONAL", DefaultAction={"Allow": {}},
                                          VisibilityConfig={"SampledRequestsEnabled": False, "CloudWatchMetricsEnabled": False, "MetricName": rid})["Summary"]["ARN"]
        s.ids[rid] = acl
        for e in s.conns:
            if e["from"] == rid and e["to"] in s.res and s.res[e["to"]]["kind"] == "alb":
                s.c("wafv2").associate_web_acl(WebACLArn=acl, ResourceArn=s.ids[e["to"]])
            elif e["from"] == rid and e["to"] in getattr(s, "stage_arn", {}):
                s.c("wafv2").associate_web_acl(WebACLArn=acl, ResourceArn=s.stage_arn[e["to"]])
    for rid, r in s.of("cloudfront"):
        origins = [e["to"] for e in s.conns if e["from"] == rid and e["to"] in s.res and s.res[e["to"]]["kind"] == "s3"]
        if not origins:
            s.skipped.append(f"{rid}: distribution with no bucket origin")
            continue
        domain = f"{s.ids[origins[0]]}.s3.amazonaws.com"
        s.ids[rid] = s.c("cloudfront").create_distribution(DistributionConfig={
            "CallerReference": rid, "Comment": rid, "Enabled": True,
            "Origins": {"Quantity": 1, "Items": [{"Id": "origin", "DomainName": domain, "S3OriginConfig": {"OriginAccessIdentity": ""}}]},
            "DefaultCacheBehavior": {"TargetOriginId": "origin", "ViewerProtocolPolicy": "redirect-to-https", "MinTTL": 0,
                                     "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}}, "TrustedSigners": {"Enabled": False, "Quantity": 0}}})["Distribution"]["ARN"]
