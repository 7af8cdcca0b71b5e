#!/usr/bin/env python3
"""Seeds moto with what a topology's stage declares but its runbook does not create.

The runbooks create load balancers, target groups, listeners, clusters, roles, services,
VPC links, APIs and endpoints (after looking them up); they *find* the network, data stores,
functions, user pools, web ACLs, hosts, namespaces and certificates. This creates those,
from the topology file (stages applied as the format says: remove, change, add), so a
runbook can run end to end against moto.

    seed_moto.py ENDPOINT TOPOLOGY.yaml STAGE
"""
import io
import json
import sys
import zipfile

import yaml

import seed_services
from account_snapshot import clients
from topology_stage import resolve


def main(endpoint, path, stage_name):
    document = yaml.safe_load(open(path, encoding="utf-8"))
    region = document.get("region", "us-east-1")
    resources, connections = resolve(document, stage_name)
    client = clients(endpoint, region)
    name_of = lambda rid: str((resources[rid] or {}).get("name", rid))
    kind = lambda rid: (resources[rid] or {}).get("kind")
    created = []
    ec2 = client("ec2")
    vpc_id = None
    for rid, body in resources.items():
        if body.get("kind") == "vpc":
            vpc_id = ec2.create_vpc(CidrBlock=body.get("cidr", "10.0.0.0/16"))["Vpc"]["VpcId"]
            ec2.create_tags(Resources=[vpc_id], Tags=[{"Key": "Name", "Value": name_of(rid)}])
            created.append(f"vpc {rid}")
    for index, (rid, body) in enumerate((r, b) for r, b in resources.items() if b.get("kind") == "subnet"):
        zone = body.get("az") or f"{region}{'ab'[index % 2]}"
        cidr = body.get("cidr") or f"10.0.{200 + index}.0/24"
        subnet = ec2.create_subnet(VpcId=vpc_id, CidrBlock=cidr, AvailabilityZone=zone)["Subnet"]["SubnetId"]
        ec2.create_tags(Resources=[subnet], Tags=[{"Key": "Name", "Value": name_of(rid)}])
        created.append(f"subnet {rid}")
    iam = client("iam")
    role_arn = iam.create_role(RoleName="seeded-lambda-role", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))["Role"]["Arn"]
    iam.create_role(RoleName="apigateway-s3-put", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "apigateway.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("index.py", "def handler(event, context):\n    return {'isAuthorized': True}\n")
    client("acm").request_certificate(DomainName="example.com")
    for rid, body in resources.items():
        k = body.get("kind")
        name = name_of(rid)
        if k == "lambda":
            client("lambda").create_function(FunctionName=name, Runtime=body.get("runtime", "python3.12"), Role=role_arn,
                                             Handler="index.handler", Code={"ZipFile": code.getvalue()}, Timeout=int(body.get("timeout", 3)))
        elif k == "cognito":
            idp = client("cognito-idp")
            pool = idp.create_user_pool(PoolName=name)["UserPool"]["Id"]
            idp.create_user_pool_client(UserPoolId=pool, ClientName=f"{name}-app", ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])
        elif k == "waf":
            client("wafv2").create_web_acl(Name=name, Scope="REGIONAL", DefaultAction={"Allow": {}},
                                           VisibilityConfig={"SampledRequestsEnabled": False, "CloudWatchMetricsEnabled": False, "MetricName": name.replace("-", "")})
        elif k == "elasticache-redis":
            client("elasticache").create_replication_group(ReplicationGroupId=name, ReplicationGroupDescription=rid,
                                                           Engine="redis", CacheNodeType="cache.t4g.micro", TransitEncryptionEnabled=bool(body.get("tls")))
        elif k == "rds":
            client("rds").create_db_instance(DBInstanceIdentifier=name, Engine=body.get("engine", "postgres"), DBInstanceClass="db.t4g.micro",
                                             MasterUsername="postgres", MasterUserPassword="seeded-password", AllocatedStorage=20)
        elif k == "aurora":
            client("rds").create_db_cluster(DBClusterIdentifier=name, Engine=body.get("engine", "aurora-postgresql"),
                                            MasterUsername="postgres", MasterUserPassword="seeded-password")
        elif k == "ec2":
            # One of moto's bundled AMIs, named: listing them all takes seconds.
            instance = ec2.run_instances(ImageId="ami-12c6146b", MinCount=1, MaxCount=1, InstanceType=body.get("instance_type", "t3.micro"))["Instances"][0]["InstanceId"]
            ec2.create_tags(Resources=[instance], Tags=[{"Key": "Name", "Value": name}])
        elif k == "s3":
            s3 = client("s3")
            s3.create_bucket(Bucket=name, **({} if region == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": region}}))
        elif k == "route53" and "." in str(body.get("record", "")):
            # The hosted zone is a prerequisite; the runbook upserts the record in it.
            zone = str(body["record"]).split(".", 1)[1] + "."
            r53 = client("route53")
            if not r53.list_hosted_zones_by_name(DNSName=zone)["HostedZones"] or r53.list_hosted_zones_by_name(DNSName=zone)["HostedZones"][0]["Name"] != zone:
                r53.create_hosted_zone(Name=zone, CallerReference=f"seed-{rid}")
        elif k == "dynamodb":
            client("dynamodb").create_table(TableName=name, KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                                            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
        elif k == "cloud-map":
            sd = client("servicediscovery")
            operation = sd.create_private_dns_namespace(Name=body.get("namespace", f"{rid}.local"), Vpc=vpc_id)["OperationId"]
            namespace = sd.get_operation(OperationId=operation)["Operation"]["Targets"]["NAMESPACE"]
            # Service Connect (client-server) registers each service in real AWS; moto does not.
            for sid, service in resources.items():
                if service.get("kind") == "ecs-service" and service.get("discovery") == rid and service.get("service_connect") == "client-server":
                    sd.create_service(Name=name_of(sid), NamespaceId=namespace, DnsConfig={"DnsRecords": [{"Type": "SRV", "TTL": 60}]})
        else:
            continue
        created.append(f"{k} {rid}")
    created += seed_services.seed(client, resources, name_of, region, vpc_id, role_arn)
    return created


if __name__ == "__main__":
    print(f"seeded {sys.argv[3]}: {', '.join(main(*sys.argv[1:4]))}")
