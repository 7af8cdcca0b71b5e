"""Declared attributes of the messaging, event, key, secret, storage and alarm kinds held
against the snapshot (account_services.py reads them), and the AWS rules for them that
moto does not enforce. Used by state_compare.StageCheck."""


def _key_alias(check, rid):
    key = check.resources.get(rid) or {}
    return key.get("alias") or f"alias/{check.name(rid)}" if rid in check.resources else None


def compare(check, rid, kind, body, found):
    """(attribute, expected, found) triples for what the topology declares."""
    name_of = check.name
    if kind == "kms-key" and body.get("rotation") is not None:
        yield "rotation", bool(body["rotation"]), found.get("rotation")
    if kind == "sqs":
        for attribute in ("visibility_timeout", "retention", "delay"):
            if body.get(attribute) is not None:
                yield attribute, int(body[attribute]), found.get(attribute)
        if body.get("dlq") in check.resources:
            yield "dead-letter queue", name_of(body["dlq"]), found.get("dlq")
            yield "max_receive_count", int(body.get("max_receive_count", 5)), found.get("max_receive_count")
        if body.get("kms_key") in check.resources:
            yield "kms key", _key_alias(check, body["kms_key"]), found.get("kms")
        elif body.get("encrypted") is not None:
            yield "SSE-SQS", bool(body["encrypted"]), found.get("sse_sqs")
        # Topics and rules that deliver to it may send (the queue's access policy).
        publishers = sorted({name_of(a) for a, b, _ in check.connections if b == rid and (check.resources.get(a) or {}).get("kind") in ("sns", "eventbridge-rule")}
                            | {name_of(r) for r, rb in check.resources.items() if rb.get("kind") == "eventbridge-rule" and rid in (rb.get("targets") or [])})
        yield "publishers allowed", publishers, found.get("publishers", [])
    if kind == "sns":
        if body.get("kms_key") in check.resources:
            yield "kms key", _key_alias(check, body["kms_key"]), found.get("kms")
        elif body.get("encrypted"):
            yield "kms key", "alias/aws/sns", found.get("kms")
        endpoints = sorted(name_of(b) for a, b, _ in check.connections if a == rid and (check.resources.get(b) or {}).get("kind") in ("sqs", "lambda"))
        yield "subscriptions", endpoints, found.get("subscriptions", [])
    if kind == "kinesis-stream":
        on_demand = body.get("mode") == "on-demand" or (body.get("mode") is None and body.get("shards") is None)
        yield "mode", "ON_DEMAND" if on_demand else "PROVISIONED", found.get("mode")
        if body.get("retention_hours") is not None:
            yield "retention_hours", int(body["retention_hours"]), found.get("retention_hours")
        if body.get("encrypted") or body.get("kms_key"):
            yield "encryption", "KMS", found.get("encryption")
    if kind == "eventbridge-bus" and body.get("archive_days") is not None:
        yield "archive_days", int(body["archive_days"]), found.get("archive_days")
    if kind == "eventbridge-rule":
        bus = name_of(body["bus"]) if body.get("bus") in check.resources else "default"
        yield "bus", bus, found.get("bus")
        if body.get("schedule"):
            yield "schedule", body["schedule"], found.get("schedule")
        else:
            yield "pattern", short_pattern(body.get("pattern")), found.get("pattern")
        targets = sorted({name_of(b) for a, b, _ in check.connections if a == rid and (check.resources.get(b) or {}).get("kind") in ("sqs", "sns")}
                         | {name_of(t) for t in body.get("targets") or [] if (check.resources.get(t) or {}).get("kind") in ("sqs", "sns")})
        yield "queue and topic targets", targets, sorted(t for t in found.get("targets", []) if t in targets) if targets else []
        if targets and body.get("dlq") in check.resources:
            yield "target dead-letter queues", [name_of(body["dlq"])] * len(targets), found.get("dlqs")
    if kind == "step-functions" and body.get("type"):
        yield "type", body["type"], found.get("type")
    if kind == "secrets-manager" and body.get("kms_key") in check.resources:
        yield "kms key", _key_alias(check, body["kms_key"]), found.get("kms")
    if kind == "efs":
        if body.get("encrypted") is not None or body.get("kms_key"):
            yield "encrypted", bool(body.get("encrypted", True)), found.get("encrypted")
        if body.get("throughput_mode"):
            yield "throughput_mode", body["throughput_mode"], found.get("throughput_mode")
        if body.get("backup") is not None:
            yield "backup", bool(body["backup"]), found.get("backup")
        if body.get("subnets"):
            yield "mount targets", check.cidrs(body["subnets"]), found.get("mount_subnets")
    if kind == "cloudwatch-alarm":
        for attribute, field in (("metric", "metric"), ("metric_namespace", "namespace"), ("comparison", "comparison"),
                                 ("statistic", "statistic"), ("period", "period"), ("evaluation_periods", "evaluation_periods")):
            if body.get(attribute) is not None:
                yield attribute, body[attribute], found.get(field)
        if body.get("threshold") is not None:
            yield "threshold", float(body["threshold"]), found.get("threshold")
        topics = sorted({name_of(b) for a, b, _ in check.connections if a == rid and (check.resources.get(b) or {}).get("kind") == "sns"})
        if topics:
            yield "actions", topics, found.get("actions")
    if kind == "autoscaling-group":
        for attribute in ("min", "max", "desired"):
            if body.get(attribute) is not None:
                yield attribute, int(body[attribute]), found.get(attribute)


def short_pattern(pattern):
    """`source: [orders], detail-type: [OrderPlaced]` -> {"source": ["orders"], ...}."""
    import re
    text = str(pattern or "").strip()
    if text.startswith("{"):
        import json
        return json.loads(text)
    return {key: [v.strip(" \"'") for v in values.split(",") if v.strip(" \"'")]
            for key, values in re.findall(r"([A-Za-z0-9_.-]+)\s*:\s*\[([^\]]*)\]", text)}


def aws_rules(snap):
    """AWS rules moto does not enforce, on what the runbooks made."""
    for key, value in snap.items():
        if key.startswith("sqs:") and value.get("dlq"):
            dlq = snap.get(f"sqs:{value['dlq']}")
            # A FIFO queue's dead-letter queue is FIFO, a standard queue's standard (SetQueueAttributes).
            if dlq is not None and dlq.get("fifo") != value.get("fifo"):
                yield f"{key}: its dead-letter queue {value['dlq']} is {'FIFO' if dlq.get('fifo') else 'standard'}, the queue is not"
            if not 1 <= (value.get("max_receive_count") or 0) <= 1000:
                yield f"{key}: maxReceiveCount must be 1 to 1000 (is {value.get('max_receive_count')})"
        if key.startswith("kinesis-stream:") and not 24 <= (value.get("retention_hours") or 24) <= 8760:
            yield f"{key}: retention must be 24 to 8760 hours"
        if key.startswith("eventbridge-rule:") and not (value.get("pattern") or value.get("schedule")):
            yield f"{key}: a rule needs an event pattern or a schedule"
        if key.startswith("eventbridge-rule:") and value.get("schedule") and value.get("bus") != "default":
            yield f"{key}: scheduled rules run on the default event bus only"
