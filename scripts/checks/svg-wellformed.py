#!/usr/bin/env python3
"""Every SVG parses as XML, is complete, and embeds its icons. Usage: svg-wellformed.py FILE.svg..."""
import sys, xml.etree.ElementTree as ET
XLINK = "{http://www.w3.org/1999/xlink}href"
failures = 0
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        print(f"FAIL {path}: not well-formed XML: {error}")
        failures += 1
        continue
    for element in root.iter():
        tag = element.tag.split("}")[-1]
        href = element.get(XLINK) or element.get("href")
        if tag in ("script", "foreignObject", "iframe", "object", "embed"):
            print(f"FAIL {path}: <{tag}> element"); failures += 1
        if href and not href.startswith(("http://", "https://", "data:", "#")):
            print(f"FAIL {path}: link or reference to {href!r}"); failures += 1
        if any(name.lower().startswith("on") for name in element.attrib):
            print(f"FAIL {path}: event handler attribute on <{tag}>"); failures += 1
    print(f"ok   {path}")
print(f"svg-wellformed: {len(sys.argv) - 1 - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
