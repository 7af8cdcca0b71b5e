"""The account, read back with boto3, as a dictionary keyed by names instead of AWS ids.

Two accounts built the same way (a stage's runbook after a migration, and on an empty
account) give equal snapshots: ARNs, ids and revision numbers become the names of what they
point at, lists are sorted. Each key is `kind:name` and appears once per thing found, so a
thing found twice is a `name#2` key.
"""
import boto3

import account_services


class Snapshot(dict):
    def put(self, key, value):
        index = 1
        unique = key
        while unique in self:
            index += 1
            unique = f"{key}#{index}"
        self[unique] = value


CLIENTS = {}


def clients(endpoint, region):
    """A client factory; clients are made once per process (each costs ~0.3 s to build)."""
    def client(name):
        key = (endpoint, region, name)
        if key not in CLIENTS:
            session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=region)
            CLIENTS[key] = session.client(name, endpoint_url=endpoint)
        return CLIENTS[key]
    return client


def take(endpoint, region, kinds=None):
    """The snapshot; with `kinds` (the kinds a topology declares in any stage), the services
    of kinds it does not declare are not read (their calls cost time in every snapshot)."""
    c = clients(endpoint, region)
    has = lambda *wanted: kinds is None or bool(set(wanted) & kinds)
    snap = Snapshot()
    ec2 = c("ec2")
    vpcs = {v["VpcId"]: v["CidrBlock"] for v in ec2.describe_vpcs()["Vpcs"] if not v.get("IsDefault")}
    subnets = {s["SubnetId"]: s["CidrBlock"] for s in ec2.describe_subnets()["Subnets"]}
    groups = {g["GroupId"]: g["GroupName"] for g in ec2.describe_security_groups()["SecurityGroups"]}
    name = lambda ids, table: sorted(table.get(i, i) for i in ids or [])
    for vpc_id, cidr in vpcs.items():
        snap.put(f"vpc:{cidr}", {})
    for s in ec2.describe_subnets()["Subnets"]:
        if s["VpcId"] in vpcs:
            snap.put(f"subnet:{s['CidrBlock']}", {"az": s["AvailabilityZone"], "vpc": vpcs[s["VpcId"]]})
    for g in ec2.describe_security_groups()["SecurityGroups"]:
        if g["GroupName"] == "default" or g.get("VpcId") not in vpcs:
            continue
        rules = set()
        for p in g.get("IpPermissions", []):
            span = (p.get("IpProtocol"), p.get("FromPort"), p.get("ToPort"))
            rules |= {(*span, "sg:" + groups.get(pair["GroupId"], pair["GroupId"])) for pair in p.get("UserIdGroupPairs", [])}
            rules |= {(*span, "cidr:" + r["CidrIp"]) for r in p.get("IpRanges", [])}
        snap.put(f"security-group:{g['GroupName']}", {"ingress": sorted(rules, key=str)})
    for gw in ec2.describe_internet_gateways()["InternetGateways"]:
        attached = [vpcs[a["VpcId"]] for a in gw.get("Attachments", []) if a.get("VpcId") in vpcs]
        if attached:
            snap.put(f"internet-gateway:{attached[0]}", {})
    for nat in ec2.describe_nat_gateways()["NatGateways"]:
        if nat.get("State") != "deleted":
            snap.put(f"nat-gateway:{subnets.get(nat['SubnetId'])}", {})
    for e in ec2.describe_vpc_endpoints()["VpcEndpoints"]:
        if e.get("State", "").lower() not in ("deleted", "deleting"):
            snap.put(f"vpc-endpoint:{e['ServiceName']}", {
                "type": e["VpcEndpointType"], "privateDns": bool(e.get("PrivateDnsEnabled")),
                "subnets": name(e.get("SubnetIds"), subnets), "groups": name([g["GroupId"] for g in e.get("Groups", [])], groups)})
    for r in ec2.describe_instances()["Reservations"]:
        for i in r["Instances"]:
            if i["State"]["Name"] != "terminated":
                tag = next((t["Value"] for t in i.get("Tags", []) if t["Key"] == "Name"), i["InstanceId"])
                snap.put(f"ec2:{tag}", {"groups": sorted(g["GroupName"] for g in i.get("SecurityGroups", []))})
    load_balancers(c, snap, subnets, groups)
    ecs(c, snap, subnets, groups)
    apis(c, snap)
    for repo in c("ecr").describe_repositories()["repositories"]:
        snap.put(f"ecr:{repo['repositoryName']}", {"uri": repo["repositoryUri"]})
    for role in c("iam").list_roles()["Roles"]:
        snap.put(f"role:{role['RoleName']}", {})
    for group in c("logs").describe_log_groups()["logGroups"]:
        snap.put(f"log-group:{group['logGroupName']}", {})
    for target in c("application-autoscaling").describe_scalable_targets(ServiceNamespace="ecs")["ScalableTargets"]:
        snap.put(f"scalable-target:{target['ResourceId']}", {"min": target["MinCapacity"], "max": target["MaxCapacity"]})
    for alarm in c("cloudwatch").describe_alarms()["MetricAlarms"]:
        snap.put(f"alarm:{alarm['AlarmName']}", {
            "metric": alarm["MetricName"], "namespace": alarm["Namespace"], "statistic": alarm.get("Statistic"),
            "threshold": alarm.get("Threshold"), "comparison": alarm.get("ComparisonOperator"), "period": alarm.get("Period"),
            "evaluation_periods": alarm.get("EvaluationPeriods"),
            "dimensions": sorted(f"{d['Name']}={d['Value']}" for d in alarm.get("Dimensions", [])),
            "actions": sorted(a.rsplit(":", 1)[-1] for a in alarm.get("AlarmActions", []))})
    if has("elasticache-redis"):
        for group in c("elasticache").describe_replication_groups()["ReplicationGroups"]:
            snap.put(f"elasticache-redis:{group['ReplicationGroupId']}", {})
    rds = c("rds")
    if has("rds"):
        for db in rds.describe_db_instances()["DBInstances"]:
            snap.put(f"rds:{db['DBInstanceIdentifier']}", {"groups": name([g["VpcSecurityGroupId"] for g in db.get("VpcSecurityGroups", [])], groups)})
    if has("aurora"):
        for db in rds.describe_db_clusters()["DBClusters"]:
            snap.put(f"aurora:{db['DBClusterIdentifier']}", {"groups": name([g["VpcSecurityGroupId"] for g in db.get("VpcSecurityGroups", [])], groups)})
    if has("lambda"):
        for fn in c("lambda").list_functions()["Functions"]:
            snap.put(f"lambda:{fn['FunctionName']}", {})
    if has("cognito"):
        for pool in c("cognito-idp").list_user_pools(MaxResults=60)["UserPools"]:
            snap.put(f"cognito:{pool['Name']}", {})
    if has("waf"):
        for acl in c("wafv2").list_web_acls(Scope="REGIONAL")["WebACLs"]:
            snap.put(f"waf:{acl['Name']}", {})
    if has("s3"):
        for bucket in c("s3").list_buckets()["Buckets"]:
            snap.put(f"s3:{bucket['Name']}", {})
    if has("dynamodb"):
        for table in c("dynamodb").list_tables()["TableNames"]:
            snap.put(f"dynamodb:{table}", {})
    account_services.read(c, snap, kinds, subnets)
    sd = c("servicediscovery")
    namespaces = {n["Id"]: n["Name"] for n in sd.list_namespaces()["Namespaces"]}
    for n in namespaces.values():
        snap.put(f"cloud-map:{n}", {})
    for s in sd.list_services()["Services"]:
        detail = sd.get_service(Id=s["Id"])["Service"]
        snap.put(f"cloud-map-service:{namespaces.get(detail.get('NamespaceId'))}/{s['Name']}", {})
    r53 = c("route53")
    for zone in r53.list_hosted_zones()["HostedZones"]:
        for record in r53.list_resource_record_sets(HostedZoneId=zone["Id"])["ResourceRecordSets"]:
            if record["Type"] in ("A", "AAAA", "CNAME"):
                snap.put(f"route53:{record['Name'].rstrip('.')}", {"type": record["Type"], "alias": bool(record.get("AliasTarget"))})
    return snap


def load_balancers(c, snap, subnets, groups):
    elb = c("elbv2")
    balancers = elb.describe_load_balancers()["LoadBalancers"]
    by_arn = {lb["LoadBalancerArn"]: lb["LoadBalancerName"] for lb in balancers}
    target_groups = elb.describe_target_groups()["TargetGroups"]
    tg_names = {tg["TargetGroupArn"]: tg["TargetGroupName"] for tg in target_groups}
    for lb in balancers:
        zones = lb.get("AvailabilityZones", [])
        snap.put(f"lb:{lb['LoadBalancerName']}", {
            "type": lb["Type"], "scheme": lb["Scheme"],
            "subnets": sorted(subnets.get(z["SubnetId"], z["SubnetId"]) for z in zones),
            "zones": sorted({z["ZoneName"] for z in zones}),
            "groups": sorted(groups.get(g, g) for g in lb.get("SecurityGroups") or [])})
        for listener in elb.describe_listeners(LoadBalancerArn=lb["LoadBalancerArn"])["Listeners"]:
            forward = [tg_names.get(a.get("TargetGroupArn"), a.get("TargetGroupArn")) for a in listener.get("DefaultActions", [])]
            key = f"listener:{lb['LoadBalancerName']}:{listener['Port']}"
            snap.put(key, {"protocol": listener["Protocol"], "forward": forward, "certificates": len(listener.get("Certificates") or [])})
            for rule in elb.describe_rules(ListenerArn=listener["ListenerArn"])["Rules"]:
                if rule.get("IsDefault"):
                    continue
                values = sorted(v for cond in rule.get("Conditions", []) for v in cond.get("Values") or cond.get("PathPatternConfig", {}).get("Values", []))
                snap.put(f"rule:{key}:{','.join(values)}", {"forward": [tg_names.get(a.get("TargetGroupArn")) for a in rule.get("Actions", [])]})
    for tg in target_groups:
        targets = elb.describe_target_health(TargetGroupArn=tg["TargetGroupArn"])["TargetHealthDescriptions"]
        snap.put(f"target-group:{tg['TargetGroupName']}", {
            "protocol": tg.get("Protocol"), "port": tg.get("Port"), "type": tg.get("TargetType"),
            "health": tg.get("HealthCheckPath"), "targets": sorted(by_arn.get(t["Target"]["Id"], "ip") for t in targets)})


def ecs(c, snap, subnets, groups):
    client = c("ecs")
    elb_names = {tg["TargetGroupArn"]: tg["TargetGroupName"] for tg in c("elbv2").describe_target_groups()["TargetGroups"]}
    registries = {}
    sd = c("servicediscovery")
    for s in sd.list_services()["Services"]:
        registries[s["Arn"]] = s["Name"]
    for cluster_arn in client.list_clusters()["clusterArns"]:
        cluster = cluster_arn.rsplit("/", 1)[-1]
        snap.put(f"ecs-cluster:{cluster}", {})
        arns = client.list_services(cluster=cluster)["serviceArns"]
        for index in range(0, len(arns), 10):
            for service in client.describe_services(cluster=cluster, services=arns[index:index + 10])["services"]:
                if service.get("status") != "ACTIVE":
                    continue
                network = (service.get("networkConfiguration") or {}).get("awsvpcConfiguration") or {}
                task = client.describe_task_definition(taskDefinition=service["taskDefinition"])["taskDefinition"]
                snap.put(f"ecs-service:{cluster}/{service['serviceName']}", {
                    "desired": service.get("desiredCount"), "launch": service.get("launchType"),
                    "subnets": sorted(subnets.get(s, s) for s in network.get("subnets", [])),
                    "groups": sorted(groups.get(g, g) for g in network.get("securityGroups", [])),
                    "loadBalancers": sorted(f"{elb_names.get(lb.get('targetGroupArn'), '?')}>{lb.get('containerName')}:{lb.get('containerPort')}" for lb in service.get("loadBalancers", [])),
                    "registries": sorted(registries.get(r.get("registryArn"), "?") for r in service.get("serviceRegistries", [])),
                    "family": task["family"],
                    "images": {d["name"]: d.get("image") for d in task.get("containerDefinitions", [])},
                    "ports": sorted(p.get("containerPort") for d in task.get("containerDefinitions", []) for p in d.get("portMappings", []))})


def apis(c, snap):
    v2 = c("apigatewayv2")
    links_v2 = {link["VpcLinkId"]: link["Name"] for link in v2.get_vpc_links()["Items"]}
    for link in v2.get_vpc_links()["Items"]:
        snap.put(f"vpc-link-v2:{link['Name']}", {"subnets": len(link.get("SubnetIds", [])), "groups": len(link.get("SecurityGroupIds", []))})
    for api in v2.get_apis()["Items"]:
        key = f"http-api:{api['Name']}"
        integrations = v2.get_integrations(ApiId=api["ApiId"])["Items"]
        ids = {i["IntegrationId"]: i for i in integrations}
        routes = v2.get_routes(ApiId=api["ApiId"])["Items"]
        snap.put(key, {"stages": sorted(s["StageName"] for s in v2.get_stages(ApiId=api["ApiId"])["Items"])})
        for i in integrations:
            snap.put(f"integration:{api['Name']}:{i.get('IntegrationType')}:{i.get('IntegrationSubtype') or links_v2.get(i.get('ConnectionId'), i.get('ConnectionType'))}", {
                "uri": "set" if i.get("IntegrationUri") else "", "payload": i.get("PayloadFormatVersion"),
                "subtype": i.get("IntegrationSubtype"), "credentials": bool(i.get("CredentialsArn")),
                "parameters": sorted((i.get("RequestParameters") or {}).keys())})
        for r in routes:
            target = ids.get((r.get("Target") or "").rsplit("/", 1)[-1])
            snap.put(f"route:{api['Name']}:{r['RouteKey']}", {"auth": r.get("AuthorizationType"), "integrated": bool(target)})
    v1 = c("apigateway")
    links_v1 = v1.get_vpc_links()["items"]
    elb_arns = {lb["LoadBalancerArn"]: lb["LoadBalancerName"] for lb in c("elbv2").describe_load_balancers()["LoadBalancers"]}
    for link in links_v1:
        snap.put(f"vpc-link-v1:{link['name']}", {"targets": sorted(elb_arns.get(t, t) for t in link.get("targetArns", []))})
    for api in v1.get_rest_apis()["items"]:
        key = f"rest-api:{api['name']}"
        types = (api.get("endpointConfiguration") or {}).get("types", [])
        snap.put(key, {"types": types, "stages": sorted(s["stageName"] for s in v1.get_stages(restApiId=api["id"])["item"]),
                       "policy": bool(api.get("policy"))})
        for resource in v1.get_resources(restApiId=api["id"], embed=["methods"])["items"]:
            for method in (resource.get("resourceMethods") or {}):
                snap.put(f"method:{api['name']}:{method} {resource['path']}", {})
