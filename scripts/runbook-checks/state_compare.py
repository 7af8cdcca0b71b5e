"""A stage of a topology held against an account snapshot (account_snapshot.py).

Figures: declared resources present once, missing, found twice, with wrong attributes;
connections a security group lets through; container images naming a pushed ECR image;
AWS rules moto does not enforce. Each problem is one line saying what and where.
"""
import services_compare
import topology_stage as ts

MOTO_ACCOUNT = "123456789012"
# Kinds that are drawn but are nothing in an account to find.
ABSTRACT = {"user", "internet", "external-service", "availability-zone", "cloudwatch", "generic", "security-group",
            "iam-role"}


# The request parameters AWS requires per HTTP API integration subtype.
SUBTYPE_PARAMETERS = {
    "Kinesis-PutRecord": ("StreamName", "Data", "PartitionKey"),
    "SQS-SendMessage": ("QueueUrl", "MessageBody"),
    "StepFunctions-StartExecution": ("StateMachineArn",),
    "EventBridge-PutEvents": ("Detail", "DetailType", "Source"),
}


def dig(snap, key):
    """The value under `key`, how many times it was found."""
    count = sum(1 for k in snap if k == key or k.startswith(key + "#"))
    return snap.get(key), count


def security_group_name(topology, rid):
    return f"{topology}-{rid}"[:255]


class StageCheck:
    def __init__(self, document, stage, snap, pushes):
        self.document = document
        self.topology = document.get("name", "")
        self.region = document.get("region", "us-east-1")
        self.resources, self.connections = ts.resolve(document, stage)
        self.snap = snap
        self.pushes = pushes
        self.figures = {k: 0 for k in ("declared", "present", "missing", "twice", "wrong", "connections", "allowed", "images", "bad_images", "aws_rules")}
        self.problems = []

    def name(self, rid):
        return ts.name_of(self.resources, rid)

    def cidr(self, rid):
        return self.resources.get(rid, {}).get("cidr")

    def problem(self, figure, text):
        self.figures[figure] += 1
        self.problems.append(f"{figure}: {text}")

    def run(self):
        for rid, body in self.resources.items():
            kind = body.get("kind")
            if kind in ABSTRACT or not kind:
                continue
            expected = self.expect(rid, kind, body)
            if expected is None:
                continue
            self.figures["declared"] += 1
            key, attributes = expected
            value, count = dig(self.snap, key)
            if count == 0:
                self.problem("missing", f"{kind} {rid} ({key})")
                continue
            if count > 1:
                self.problem("twice", f"{kind} {rid} ({key}) x{count}")
                continue
            self.figures["present"] += 1
            wrong = [f"{a}: expected {e!r}, found {g!r}" for a, e, g in self.compare(rid, kind, body, value, attributes) if e != g]
            if wrong:
                self.problem("wrong", f"{kind} {rid}: " + "; ".join(wrong))
        self.reachability()
        self.images()
        self.aws_rules()
        return self

    def expect(self, rid, kind, body):
        name = self.name(rid)
        if kind == "vpc":
            return (f"vpc:{body['cidr']}", {}) if body.get("cidr") else None
        if kind == "subnet":
            return (f"subnet:{body['cidr']}", {"az": body.get("az")}) if body.get("cidr") else None
        if kind == "internet-gateway":
            vpc = ts.enclosing(self.resources, rid, {"vpc"})
            return (f"internet-gateway:{self.cidr(vpc)}", {}) if self.cidr(vpc) else None
        if kind == "nat-gateway":
            subnet = ts.enclosing(self.resources, rid, {"subnet"})
            return (f"nat-gateway:{self.cidr(subnet)}", {}) if self.cidr(subnet) else None
        if kind == "vpc-endpoint":
            return f"vpc-endpoint:com.amazonaws.{self.region}.{body.get('service', 'execute-api')}", {}
        if kind in ("alb", "nlb"):
            return f"lb:{name}", {}
        if kind == "ecs-service":
            return f"ecs-service:{ts.cluster_of(self.resources, rid)}/{name}", {}
        if kind == "vpc-link":
            return (f"vpc-link-v1:{name}" if body.get("api") == "rest" else f"vpc-link-v2:{name}"), {}
        if kind == "api-gateway-http":
            return f"http-api:{name}", {}
        if kind == "api-gateway-rest":
            return f"rest-api:{name}", {}
        if kind == "cloud-map":
            return f"cloud-map:{body.get('namespace', rid + '.local')}", {}
        if kind == "route53":
            return (f"route53:{body['record']}", {}) if body.get("record") else None
        if kind == "autoscaling":
            target = body.get("target")
            if target not in self.resources:
                return None
            return f"scalable-target:service/{ts.cluster_of(self.resources, target)}/{self.name(target)}", {}
        if kind == "kms-key":
            return f"kms-key:{body.get('alias') or 'alias/' + name}", {}
        if kind == "cloudwatch-alarm":
            return f"alarm:{name}", {}
        if kind == "eventbridge-bus" and name == "default":
            return None
        return f"{kind}:{name}", {}

    def cidrs(self, ids):
        return sorted(self.cidr(i) or i for i in ids)

    def compare(self, rid, kind, body, found, _):
        """(attribute, expected, found) triples."""
        if kind == "subnet" and body.get("az"):
            yield "az", body["az"], found.get("az")
        if kind == "vpc-endpoint":
            interface = body.get("endpoint_type") != "gateway"
            yield "type", "Interface" if interface else "Gateway", found["type"]
            if interface:
                yield "privateDns", bool(body.get("private_dns")), found["privateDns"]
                yield "subnets", self.cidrs(ts.subnets_of(self.resources, rid)), found["subnets"]
                yield "has a security group", True, bool(found["groups"])
        if kind in ("alb", "nlb"):
            yield "type", "application" if kind == "alb" else "network", found["type"]
            yield "scheme", body.get("scheme", "internal"), found["scheme"]
            yield "subnets", self.cidrs(ts.subnets_of(self.resources, rid)), found["subnets"]
            if body.get("zones"):
                yield "zones", sorted(body["zones"]), found["zones"]
            ports = body.get("listeners") or [80]
            listeners = {p: self.snap.get(f"listener:{self.name(rid)}:{p}") for p in ports}
            yield "listeners", sorted(ports), sorted(p for p, l in listeners.items() if l)
        if kind == "ecs-service":
            yield "desired", body.get("desired", 1), found["desired"]
            yield "launch", "EC2" if body.get("launch") == "ec2" else "FARGATE", found["launch"]
            yield "subnets", self.cidrs(ts.subnets_of(self.resources, rid)), found["subnets"]
            yield "has a security group", True, bool(found["groups"])
            balancers = {a for a, b, _ in self.connections if b == rid and self.resources.get(a, {}).get("kind") in ("alb", "nlb")}
            yield "target groups", len(balancers), len(set(found["loadBalancers"]))
        if kind == "vpc-link" and body.get("api") == "rest":
            yield "targets", sorted(self.name(t) for t in body.get("targets") or [] if t in self.resources), found["targets"]
        if kind == "vpc-link" and body.get("api") != "rest":
            yield "has subnets and a security group", True, bool(found["subnets"] and found["groups"])
        if kind in ("api-gateway-http", "api-gateway-rest"):
            prefix = "route" if kind == "api-gateway-http" else "method"
            for route in body.get("routes") or []:
                method, _, path = str(route).partition(" ")
                value, _ = dig(self.snap, f"{prefix}:{self.name(rid)}:{method} {path}")
                yield f"route {route}", "integrated" if prefix == "route" else "present", \
                    ("integrated" if value and value.get("integrated") else "missing") if prefix == "route" else ("present" if value is not None else "missing")
            stage = body.get("stage_name", "$default" if kind == "api-gateway-http" else "prod")
            yield "stage", True, stage in found["stages"]
        if kind == "api-gateway-rest":
            yield "endpoint type", str(body.get("endpoint", "regional")).upper(), "".join(found["types"])
        yield from services_compare.compare(self, rid, kind, body, found)
        if kind == "autoscaling":
            target = self.resources[body["target"]]
            yield "min", body.get("min", target.get("min", target.get("desired", 1))), found["min"]
            yield "max", body.get("max", target.get("max", target.get("desired", 1) * 2)), found["max"]

    # -- Reachability ------------------------------------------------------------------

    def groups_of(self, rid):
        """Security group names on `rid` as the account reports them, else by the runbooks' name."""
        kind = self.resources[rid].get("kind")
        name = self.name(rid)
        found = None
        if kind in ("alb", "nlb"):
            found = (self.snap.get(f"lb:{name}") or {}).get("groups")
        elif kind == "ecs-service":
            found = (self.snap.get(f"ecs-service:{ts.cluster_of(self.resources, rid)}/{name}") or {}).get("groups")
        elif kind in ("rds", "aurora"):
            found = (self.snap.get(f"{kind}:{name}") or {}).get("groups")
        elif kind == "vpc-endpoint":
            found = (self.snap.get(f"vpc-endpoint:com.amazonaws.{self.region}.{self.resources[rid].get('service', 'execute-api')}") or {}).get("groups")
        elif kind == "ec2":
            found = (self.snap.get(f"ec2:{name}") or {}).get("groups")
        if found:
            return found
        conventional = security_group_name(self.topology, rid)
        return [conventional] if f"security-group:{conventional}" in self.snap else []

    def sources(self, rid):
        kind = self.resources[rid].get("kind")
        if kind in ts.OUTSIDE:
            return {"cidr:0.0.0.0/0"}
        if kind in ts.GUARDED or kind == "vpc-link":
            return {"sg:" + g for g in self.groups_of(rid)}
        return None

    def allows(self, groups, sources, port):
        for group in groups:
            for proto, low, high, source in (self.snap.get(f"security-group:{group}") or {}).get("ingress", []):
                if source in sources and (proto == "-1" or (proto in ("tcp", "6") and low <= port <= high)):
                    return True
        return False

    def reachability(self):
        for caller, callee, port in self.connections:
            if caller not in self.resources or callee not in self.resources:
                continue
            callee_body = self.resources[callee]
            if callee_body.get("kind") not in ts.GUARDED or callee_body.get("endpoint_type") == "gateway":
                continue
            caller_body = self.resources[caller]
            sources = self.sources(caller)
            if sources is None:
                continue
            if caller_body.get("kind") == "vpc-link" and caller_body.get("api") == "rest":
                if callee_body.get("enforce_privatelink_inbound_rules") is False:
                    self.figures["connections"] += 1
                    self.figures["allowed"] += 1
                continue
            groups = self.groups_of(callee)
            if callee_body.get("kind") in ("alb", "nlb") and caller_body.get("kind") in ts.OUTSIDE:
                ports = callee_body.get("listeners") or [80]
            else:
                ports = [ts.listen_port(self.resources, callee, port)]
            for p in ports:
                self.figures["connections"] += 1
                if not groups and callee_body.get("kind") == "nlb":
                    self.figures["allowed"] += 1
                elif not sources:
                    self.problems.append(f"blocked: {caller} -> {callee}:{p}: the caller has no security group")
                elif self.allows(groups, sources, p):
                    self.figures["allowed"] += 1
                else:
                    self.problems.append(f"blocked: {caller} -> {callee}:{p}: no ingress rule on {groups or 'any group'} from {sorted(sources)}")

    # -- Images --------------------------------------------------------------------------

    def images(self):
        uris = {}
        for rid, body in self.resources.items():
            if body.get("kind") != "ecs-service":
                continue
            found = self.snap.get(f"ecs-service:{ts.cluster_of(self.resources, rid)}/{self.name(rid)}")
            if not found:
                continue
            for index, container in enumerate(ts.containers(body) or [{}]):
                declared = str(container.get("image") or "")
                cname = container.get("name") or self.name(rid)
                image = found["images"].get(cname) if index or cname in found["images"] else next(iter(found["images"].values()), None)
                self.figures["images"] += 1
                reason = self.image_problem(declared, image)
                if not reason and image in uris and uris[image][1] != declared:
                    reason = f"same image as {uris[image][0]} (pushed over it)"
                uris.setdefault(image, (rid, declared))
                if reason:
                    self.problem("bad_images", f"{rid}/{cname}: {image!r}: {reason}")

    def image_problem(self, declared, image):
        if not image:
            return "no image in the task definition"
        if declared and ".dkr.ecr." not in declared:
            return None if image == declared else f"the topology names the external image {declared!r}"
        prefix = f"{MOTO_ACCOUNT}.dkr.ecr.{self.region}.amazonaws.com/"
        if not image.startswith(prefix):
            return "not an ECR image of this account and region"
        repository, _, tag = image[len(prefix):].partition(":")
        if f"ecr:{repository}" not in self.snap:
            return f"repository {repository} does not exist"
        if image not in self.pushes:
            return "never pushed"
        return None

    # -- AWS rules moto does not enforce -------------------------------------------------

    def aws_rules(self):
        for key, value in self.snap.items():
            if key.startswith("lb:") and value["type"] == "application" and (len(value["subnets"]) < 2 or len(value["zones"]) < 2):
                self.problem("aws_rules", f"{key}: an ALB needs subnets in at least two zones (has {value['subnets']})")
            if key.startswith("listener:") and value["protocol"] in ("HTTPS", "TLS") and not value["certificates"]:
                self.problem("aws_rules", f"{key}: an HTTPS listener needs a certificate")
            if key.startswith("integration:") and value.get("subtype"):
                # An AWS service integration has no URI: AWS wants the role it assumes and the
                # subtype's required request parameters instead (moto takes it without either).
                missing = sorted(set(SUBTYPE_PARAMETERS.get(value["subtype"], ())) - set(value["parameters"]))
                if not value["credentials"] or missing:
                    self.problem("aws_rules", f"{key}: a {value['subtype']} integration needs a credentials role and {missing or 'its parameters'}")
            elif key.startswith("integration:") and not value["uri"]:
                self.problem("aws_rules", f"{key}: an HTTP API integration needs an integration URI")
            if key.startswith("integration:") and ":HTTP_PROXY:" in key and value["payload"] not in (None, "1.0"):
                self.problem("aws_rules", f"{key}: HTTP_PROXY integrations take payload format 1.0 only")
            if key.startswith("ecs-service:") and len(value["loadBalancers"]) != len(set(value["loadBalancers"])):
                self.problem("aws_rules", f"{key}: the same load balancer mapping twice")
        for problem in services_compare.aws_rules(self.snap):
            self.problem("aws_rules", problem)
