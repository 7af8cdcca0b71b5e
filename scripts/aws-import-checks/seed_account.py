#!/usr/bin/env python3
"""Seeds an AWS account (moto_server) from a topology file with boto3, NOT through Topograph.

This is a second, independent reading of the format: what a platform team would have built
by hand for the architecture the topology documents. Every resource of a kind the account
holds is created with its documented name, address range, zone and settings; connections
become what proves them in AWS: security-group ingress between the two ends' groups,
listeners forwarding to target groups the services register in, API integrations, event
source mappings, log configuration. EC2 resources carry the topology id as their Name tag
(as people tag them); named resources carry their `name:`.

    seed_account.py ENDPOINT TOPOLOGY.yaml    prints a JSON summary (ids, what was skipped)
"""
import io
import json
import sys
import zipfile

import boto3
import yaml

ACCOUNT = "123456789012"
SERVICE_PORTS = {"rds": 5432, "aurora": 5432, "elasticache-redis": 6379}
SG_KINDS = {"alb", "nlb", "ecs-service", "rds", "aurora", "elasticache-redis", "lambda", "ec2", "vpc-endpoint", "vpc-link", "elb-classic", "autoscaling-group"}


class Seeder:
    def __init__(self, endpoint, topology):
        self.doc = topology
        self.region = topology.get("region", "us-east-1")
        self.res = topology["resources"]
        self.conns = [self.edge(c) for c in topology.get("connections", [])]
        session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=self.region)
        self.c = lambda name: session.client(name, endpoint_url=endpoint)
        self.ids = {}       # topology id -> AWS id / ARN
        self.sg = {}        # topology id -> security group id
        self.tg = {}        # (lb, target) -> target group ARN
        self.skipped = []

    @staticmethod
    def edge(c):
        if isinstance(c, dict) and "from" in c:
            return c
        (key, label), = (c.items() if isinstance(c, dict) else [(c, None)])
        a, b = [p.strip() for p in key.split("->")]
        return {"from": a, "to": b, "label": label}

    def of(self, *kinds):
        return [(i, r) for i, r in self.res.items() if r.get("kind") in kinds]

    def vpc_of(self, rid):
        seen = set()
        while rid and rid not in seen:
            seen.add(rid)
            r = self.res[rid]
            if r["kind"] == "vpc":
                return rid
            rid = r.get("in") or (r.get("subnets") or [None])[0]
        return None

    def subnets(self, rid):
        r = self.res[rid]
        names = r.get("subnets") or ([r["in"]] if self.res.get(r.get("in"), {}).get("kind") == "subnet" else [])
        return [self.ids[s] for s in names]

    def tags(self, rid):
        return [{"Key": "Name", "Value": rid}]

    def port_of(self, rid):
        r = self.res[rid]
        if r.get("port"):
            return r["port"]
        if r.get("containers"):
            return r["containers"][0].get("port", 80)
        if r["kind"] in ("alb", "nlb", "elb-classic"):
            return (r.get("listeners") or [80])[0]
        if r["kind"] == "autoscaling-group":
            return 80
        return SERVICE_PORTS.get(r["kind"], 443)

    # -- network ---------------------------------------------------------------------
    def network(self):
        ec2 = self.c("ec2")
        for rid, r in self.of("vpc"):
            self.ids[rid] = ec2.create_vpc(CidrBlock=r.get("cidr", "10.0.0.0/16"), TagSpecifications=[{"ResourceType": "vpc", "Tags": self.tags(rid)}])["Vpc"]["VpcId"]
        for rid, r in self.of("subnet"):
            zone = r.get("az") or self.res.get(r.get("in"), {}).get("label") or self.region + "a"
            self.ids[rid] = ec2.create_subnet(VpcId=self.ids[self.vpc_of(rid)], CidrBlock=r["cidr"], AvailabilityZone=zone,
                                              TagSpecifications=[{"ResourceType": "subnet", "Tags": self.tags(rid)}])["Subnet"]["SubnetId"]
        igw_of = {}
        for rid, r in self.of("internet-gateway"):
            self.ids[rid] = ec2.create_internet_gateway(TagSpecifications=[{"ResourceType": "internet-gateway", "Tags": self.tags(rid)}])["InternetGateway"]["InternetGatewayId"]
            ec2.attach_internet_gateway(InternetGatewayId=self.ids[rid], VpcId=self.ids[self.vpc_of(rid)])
            igw_of[self.vpc_of(rid)] = self.ids[rid]
        for rid, r in self.of("nat-gateway"):
            allocation = ec2.allocate_address(Domain="vpc")["AllocationId"]
            self.ids[rid] = ec2.create_nat_gateway(SubnetId=self.ids[r["in"]], AllocationId=allocation,
                                                   TagSpecifications=[{"ResourceType": "natgateway", "Tags": self.tags(rid)}])["NatGateway"]["NatGatewayId"]
        tables = {}
        for rid, r in self.of("subnet"):
            vpc = self.vpc_of(rid)
            access = r.get("access", "private")
            if (vpc, access) not in tables:
                table = ec2.create_route_table(VpcId=self.ids[vpc])["RouteTable"]["RouteTableId"]
                if access == "public" and vpc in igw_of:
                    ec2.create_route(RouteTableId=table, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw_of[vpc])
                tables[(vpc, access)] = table
            ec2.associate_route_table(RouteTableId=tables[(vpc, access)], SubnetId=self.ids[rid])
        for rid, r in self.res.items():
            if r["kind"] in SG_KINDS and self.vpc_of(rid) and not (r["kind"] == "vpc-endpoint" and r.get("endpoint_type") == "gateway"):
                if r["kind"] == "vpc-link" and r.get("api") == "rest":
                    continue
                self.sg[rid] = ec2.create_security_group(GroupName=f"{rid}-sg", Description=f"{rid}", VpcId=self.ids[self.vpc_of(rid)])["GroupId"]

    def rules(self):
        ec2 = self.c("ec2")
        done = set()
        for c in self.conns:
            a, b = c["from"], c["to"]
            if b not in self.sg or b not in self.res:
                continue
            ra = self.res.get(a, {})
            port = c.get("port") or self.port_of(b)
            if a in self.sg:
                key = (b, a, port)
                if key not in done:
                    done.add(key)
                    ec2.authorize_security_group_ingress(GroupId=self.sg[b], IpPermissions=[{
                        "IpProtocol": "tcp", "FromPort": port, "ToPort": port, "UserIdGroupPairs": [{"GroupId": self.sg[a]}]}])
            elif ra.get("kind") in ("user", "internet") and self.res[b]["kind"] in ("alb", "nlb", "elb-classic"):
                for listener in self.res[b].get("listeners") or [80]:
                    if (b, "world", listener) not in done:
                        done.add((b, "world", listener))
                        ec2.authorize_security_group_ingress(GroupId=self.sg[b], IpPermissions=[{
                            "IpProtocol": "tcp", "FromPort": listener, "ToPort": listener, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])

    def endpoints(self):
        ec2 = self.c("ec2")
        for rid, r in self.of("vpc-endpoint"):
            kind = "Gateway" if r.get("endpoint_type", "gateway") == "gateway" else "Interface"
            args = dict(VpcId=self.ids[self.vpc_of(rid)], ServiceName=f"com.amazonaws.{self.region}.{r['service']}", VpcEndpointType=kind,
                        TagSpecifications=[{"ResourceType": "vpc-endpoint", "Tags": self.tags(rid)}])
            if kind == "Interface":
                args.update(SubnetIds=self.subnets(rid), SecurityGroupIds=[self.sg[rid]], PrivateDnsEnabled=bool(r.get("private_dns", False)))
            self.ids[rid] = ec2.create_vpc_endpoint(**args)["VpcEndpoint"]["VpcEndpointId"]

    def run(self):
        from seed_services import seed_services
        self.network()
        self.rules()
        self.endpoints()
        seed_services(self)
        return {"ids": self.ids, "security_groups": self.sg, "target_groups": {f"{a}->{b}": arn for (a, b), arn in self.tg.items()}, "skipped": self.skipped}


def lambda_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.py", "def handler(event, context):\n    return {'statusCode': 200}\n")
    return buffer.getvalue()


if __name__ == "__main__":
    endpoint, path = sys.argv[1], sys.argv[2]
    print(json.dumps(Seeder(endpoint, yaml.safe_load(open(path, encoding="utf-8"))).run(), indent=1, sort_keys=True))
