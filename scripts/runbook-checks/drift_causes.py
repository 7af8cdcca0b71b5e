"""Drift findings of the round trip whose cause is moto, not the runbook or the reader.

Each entry names what moto does not keep or answer (as the checker names ECS Exec): a finding
it explains is listed with that reason and not counted; every other finding counts.
"""
import re

# (finding code, subject pattern, message pattern) -> what moto lacks.
MOTO_GAPS = [
    ("attribute", r"\.exec$", r"topology says true",
     "moto's ecs CreateService drops enableExecuteCommand (the runbook passes --enable-execute-command)"),
    ("attribute", r"\.(discovery|service_connect)$", r"",
     "moto's ecs DescribeServices returns no serviceRegistries or serviceConnectConfiguration"),
]


def moto_cause(finding):
    for code, subject, message, why in MOTO_GAPS:
        if finding.get("code") == code and re.search(subject, finding.get("subject", "")) and re.search(message, finding.get("message", "")):
            return why
    return None
