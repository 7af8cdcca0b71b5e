#!/usr/bin/env python3
"""Validates the generated JSON Schema (draft 2020-12) and checks every valid topology passes it
and every file after `--` fails it. Usage: json-schema.py SCHEMA VALID... -- INVALID..."""
import json, sys
import jsonschema, yaml
args = sys.argv[1:]
schema = json.load(open(args[0]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
split = args.index("--")
valid, invalid = args[1:split], args[split + 1:]
passed = failed = 0
for path in valid:
    errors = list(validator.iter_errors(yaml.safe_load(open(path))))
    if errors:
        failed += 1
        print(f"FAIL {path}: a valid topology fails the schema: {errors[0].message[:200]} at {list(errors[0].path)}")
    else:
        passed += 1
for path in invalid:
    if list(validator.iter_errors(yaml.safe_load(open(path)))):
        passed += 1
    else:
        failed += 1
        print(f"FAIL {path}: an invalid topology passes the schema")
print(f"json-schema: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
