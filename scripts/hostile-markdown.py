"""Writes a hostile copy of a topology and a twin with plain values in the same places.

  hostile-markdown.py EXAMPLE.yaml HOSTILE_DIR TWIN_DIR PAYLOADS.jsonl

Each payload goes where a user's text reaches generated Markdown: the title, a stage title
and description, labels, the topology description (Markdown, with an unclosed fence and
a fence inside a list item) and the topology's file name. PAYLOADS.jsonl lists the text
each payload must be shown as.
"""
import json
import pathlib
import re
import sys

example, hostile_dir, twin_dir, payload_path = sys.argv[1:5]
source = pathlib.Path(example).read_text(encoding="utf-8")

ESC = "\u001b"
# (where, hostile value, plain value with the same intended block structure, shown as)
slots = [
    ("title: Web front end with Redis-backed sessions",
     "XSS1 <img src=x onerror=alert(1)> | pipe ` tick **bold** [x](javascript:alert(1)) _em_ &amp;",
     "Plain title", None),
    ("    title: ALB in front of the web app, no API Gateway",
     "XSS2 title\n```\n<script>alert(2)</script>\n# HEADING\n| a | b |\n|---|---|",
     "Plain stage title", None),
    ("label: Web app\n", "XSS3 <!-- hide", "Plain web", None),
    ("label: Authorization\n", f"XSS4 --> $math$ ~~del~~ {ESC}[2J \u202eevil", "Plain auth",
     "XSS4 --> $math$ ~~del~~ \\u{1B}[2J \\u{202E}evil"),
    ("label: Session store\n", "XSS7 ```` ~~~ 1. <details open>", "Plain store", None),
]
hostile = twin = source
payloads = []
for anchor, bad, plain, shown in slots:
    assert anchor in source, anchor
    indent = anchor[: len(anchor) - len(anchor.lstrip())]
    key = anchor.strip().split(":")[0]
    end = "\n" if anchor.endswith("\n") else ""
    hostile = hostile.replace(anchor, f"{indent}{key}: {json.dumps(bad)}{end}", 1)
    twin = twin.replace(anchor, f"{indent}{key}: {json.dumps(plain)}{end}", 1)
    payloads.append(shown or bad)

description = re.compile(r"^description: \|\n(?:  .*\n)+", re.M)
bad_description = ("XSS5 description <script>alert(5)</script>\n\n- ```\n  <b>nested</b>\n\n"
                   "```\nunclosed fence <i>x</i>\n")
plain_description = "Plain description\n\n- item\n  nested\n\n```\nclosed fence\n```\n"
hostile = description.sub(lambda m: "description: " + json.dumps(bad_description) + "\n", hostile, count=1)
twin = description.sub(lambda m: "description: " + json.dumps(plain_description) + "\n", twin, count=1)
payloads += ["XSS5 description <script>alert(5)</script>", "unclosed fence <i>x</i>"]

hostile_name = "XSS6 ` | <b>x.yaml"
payloads.append(hostile_name)
pathlib.Path(hostile_dir, hostile_name).write_text(hostile, encoding="utf-8")
pathlib.Path(twin_dir, "plain.yaml").write_text(twin, encoding="utf-8")
pathlib.Path(payload_path).write_text("".join(json.dumps(p) + "\n" for p in payloads), encoding="utf-8")
