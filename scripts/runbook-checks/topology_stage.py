"""A topology file's stages as the checkers read them, independently of Topograph's Swift code.

The format's stage rules (remove with children and edges, then change, then add), the AWS
name a resource gets (`name:`, else its id), connection ends and ports, and which resources
sit behind a security group: what the runbooks must build, computed here a second time so
the checker is not the code it checks.
"""
import yaml

# The port a callee listens on when the connection does not say.
DEFAULT_PORTS = {"elasticache-redis": 6379, "vpc-endpoint": 443, "memorydb": 6379}
# Kinds whose network interfaces carry a security group a connection must get through.
GUARDED = {"alb", "nlb", "ecs-service", "elasticache-redis", "rds", "aurora", "vpc-endpoint", "ec2"}
# Callers from outside the VPC: their traffic is allowed from 0.0.0.0/0.
OUTSIDE = {"user", "internet"}


def load(path):
    return yaml.safe_load(open(path, encoding="utf-8")) or {}


def stage_names(document):
    return [stage["name"] for stage in document.get("stages") or []] or ["default"]


def ends(connection):
    """(from, to, port or None) of a connection in the short or the long form."""
    if isinstance(connection, str):
        left, _, label = connection.partition(":")
        a, b = [part.strip() for part in left.split("->")]
        return a, b, port_in(label)
    if isinstance(connection, dict) and "from" in connection:
        return connection["from"], connection["to"], connection.get("port") or port_in(connection.get("label") or "")
    (key, label), = connection.items()
    a, b = [part.strip() for part in key.split("->")]
    return a, b, port_in(str(label or ""))


def port_in(label):
    numbers = [int(word) for word in str(label).replace("/", " ").split() if word.isdigit() and 0 < int(word) < 65536]
    return numbers[0] if numbers else None


def resolve(document, stage_name):
    """(resources, connections) of the stage; "*": every resource any stage declares."""
    resources = {rid: dict(body or {}) for rid, body in (document.get("resources") or {}).items()}
    connections = list(document.get("connections") or [])
    for stage in document.get("stages") or []:
        if stage_name != "*":
            for rid in stage.get("remove") or []:
                doomed = {rid}
                changed = True
                while changed:
                    changed = False
                    for other, body in resources.items():
                        if other not in doomed and body.get("in") in doomed:
                            doomed.add(other)
                            changed = True
                for gone in doomed:
                    resources.pop(gone, None)
                connections = [c for c in connections if not ({*ends(c)[:2]} & doomed)]
        for rid, change in (stage.get("change") or {}).items():
            resources[rid] = {**resources.get(rid, {}), **(change or {})}
        add = stage.get("add") or {}
        resources.update({rid: dict(body or {}) for rid, body in (add.get("resources") or {}).items()})
        connections += add.get("connections") or []
        if stage["name"] == stage_name:
            break
    return resources, [ends(c) for c in connections]


def name_of(resources, rid):
    return str(resources[rid].get("name", rid))


def containers(body):
    return [c for c in body.get("containers") or [] if isinstance(c, dict)]


def enclosing(resources, rid, kinds):
    seen = set()
    current = resources.get(rid, {}).get("in")
    while current and current not in seen:
        seen.add(current)
        if resources.get(current, {}).get("kind") in kinds:
            return current
        current = resources.get(current, {}).get("in")
    return None


def cluster_of(resources, rid):
    body = resources[rid]
    cluster = body.get("cluster") or enclosing(resources, rid, {"ecs-cluster"})
    return name_of(resources, cluster) if cluster in resources else "default"


def subnets_of(resources, rid):
    """The subnets a resource spans: `subnets:`, its enclosing subnet, else the private ones."""
    body = resources[rid]
    if body.get("subnets"):
        return list(body["subnets"])
    inside = enclosing(resources, rid, {"subnet"})
    if inside:
        return [inside]
    subnets = [r for r, b in resources.items() if b.get("kind") == "subnet"]
    private = [r for r in subnets if resources[r].get("access") != "public"]
    return private or subnets


def listen_port(resources, rid, given):
    """The port a connection into `rid` uses: the connection's, else the callee's own."""
    body = resources[rid]
    kind = body.get("kind")
    if kind == "ecs-service":
        port = next((c.get("port") for c in containers(body) if c.get("port")), None)
        return port or given or 80
    if given:
        return given
    if kind in ("alb", "nlb"):
        return (body.get("listeners") or [80])[0]
    if kind in ("rds", "aurora"):
        return 5432 if "postgres" in str(body.get("engine", "postgres")) else 3306
    return body.get("port") or DEFAULT_PORTS.get(kind, 22 if kind == "ec2" else 443)
