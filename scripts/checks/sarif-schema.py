#!/usr/bin/env python3
"""Validates SARIF files against the 2.1.0 schema and checks every region points into its file.
Usage: sarif-schema.py FILE.sarif..."""
import json, sys, urllib.parse, urllib.request
import jsonschema
schema = json.load(open("Tests/Schemas/sarif-2.1.0.json"))
validator = jsonschema.validators.validator_for(schema)(schema)
failed = 0
def fail(message):
    global failed
    print(f"FAIL {message}")
    failed += 1
for path in sys.argv[1:]:
    log = json.load(open(path))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for error in errors[:10]:
        fail(f"{path}: {'/'.join(map(str, error.path))}: {error.message}")
    run = log["runs"][0]
    if run.get("columnKind") != "unicodeCodePoints":
        fail(f"{path}: columnKind is {run.get('columnKind')}")
    rules = run["tool"]["driver"]["rules"]
    for result in run["results"]:
        if rules[result["ruleIndex"]]["id"] != result["ruleId"]:
            fail(f"{path}: ruleIndex {result['ruleIndex']} is not {result['ruleId']}")
        physical = result["locations"][0]["physicalLocation"]
        uri = physical["artifactLocation"]["uri"]
        file = urllib.request.url2pathname(urllib.parse.urlparse(uri).path) if uri.startswith("file:") else urllib.parse.unquote(uri)
        lines = open(file, encoding="utf-8").read().split("\n")
        region = physical["region"]
        line = lines[region["startLine"] - 1]
        # Python indexes strings by code point, as columnKind says the columns count.
        char = line[region["startColumn"] - 1] if region["startColumn"] <= len(line) else ""
        if not char.strip():
            fail(f"{path}: {result['ruleId']} points at {region} (blank) in {line!r}")
    print(f"{'ok  ' if not errors else 'FAIL'} {path}: {len(run['results'])} results")
results = json.load(open(sys.argv[2]))["runs"][0]["results"]
if not results:
    fail("findings.yaml produced no results")
# The alb's label holds an emoji (two UTF-16 units, one code point) before `zones:`: the
# single-zone finding must start exactly at the zone list.
def at(result):
    physical = result["locations"][0]["physicalLocation"]
    uri = physical["artifactLocation"]["uri"]
    line = open(urllib.request.url2pathname(urllib.parse.urlparse(uri).path), encoding="utf-8").read().split("\n")[physical["region"]["startLine"] - 1]
    return line[physical["region"]["startColumn"] - 1:]
single_zone = [at(r) for r in results if r["ruleId"] == "single-zone-load-balancer"]
if len(single_zone) != 1 or not single_zone[0].startswith("[us-east-1a]"):
    fail(f"single-zone-load-balancer should point at the zone list after the emoji, points at {single_zone}")
print(f"sarif-schema: {'failed' if failed else 'passed'} ({failed} problems)")
sys.exit(1 if failed else 0)
