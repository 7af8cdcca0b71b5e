#!/usr/bin/env python3
"""Geometry checker for Topograph's Graphviz SVG (and, for crossings, Mermaid's SVG).

    python3 scripts/svg-geometry.py [--json FILE] [--mermaid-dir DIR] [--quiet] SVG...

Reads each SVG with a real XML parser and measures what makes a diagram hard to read:

  hard (the check fails on any):
    edge-through-node    an edge passes through a node that is neither of its ends
    label-on-frame       an edge label overlaps a frame's border or a frame's title
    label-detached       an edge label sits farther than 24 px from its own edge
    empty-span           a resource spans a subnet or zone (class `tg-span-<cluster id>` on
                         its node) but no node of that resource is drawn inside that frame
  reported (counted, compared, not failed on):
    crossings            pairs of edges crossing, away from the nodes they share, in three
                         counts: between data-flow edges (what Mermaid's drawing of the same
                         model also has, compared with it), involving an edge between
                         per-subnet copies of spanning resources (`@` in the edge's id), and
                         involving a dotted attribute-reference edge (Mermaid draws neither)
    edge-through-title   an edge passes through a frame's title
    needless-border      an edge crosses a frame's border more often than its ends require
                         (a frame that holds both ends or neither needs no crossing)

With --mermaid-dir, Mermaid's own SVG of the same diagram (same base name, as
`scripts/mermaid-check.py --svg-dir` writes it) is measured for crossings too, so each line
shows Topograph's layout next to Mermaid's dagre layout of the same model.

Coordinates are the SVG's user units after every `transform`; Graphviz writes clusters,
nodes and edges as flat groups with classes `cluster`, `node`, `edge`. Text is measured
with Helvetica's approximate per-character widths.
"""
import argparse
import json
import math
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
DETACHED_PX = 24.0


# ---------------------------------------------------------------- geometry primitives

def matmul(a, b):
    return (a[0] * b[0] + a[2] * b[1], a[1] * b[0] + a[3] * b[1],
            a[0] * b[2] + a[2] * b[3], a[1] * b[2] + a[3] * b[3],
            a[0] * b[4] + a[2] * b[5] + a[4], a[1] * b[4] + a[3] * b[5] + a[5])


IDENTITY = (1, 0, 0, 1, 0, 0)


def parse_transform(text):
    m = IDENTITY
    for name, args in re.findall(r"(\w+)\s*\(([^)]*)\)", text or ""):
        v = [float(x) for x in re.findall(r"[-+]?(?:\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?", args)]
        if name == "translate":
            t = (1, 0, 0, 1, v[0], v[1] if len(v) > 1 else 0)
        elif name == "scale":
            t = (v[0], 0, 0, v[1] if len(v) > 1 else v[0], 0, 0)
        elif name == "matrix" and len(v) == 6:
            t = tuple(v)
        elif name == "rotate" and v and v[0] == 0:
            t = IDENTITY
        elif name == "rotate":
            r = math.radians(v[0])
            t = (math.cos(r), math.sin(r), -math.sin(r), math.cos(r), 0, 0)
        else:
            t = IDENTITY
        m = matmul(m, t)
    return m


def apply(m, p):
    return (m[0] * p[0] + m[2] * p[1] + m[4], m[1] * p[0] + m[3] * p[1] + m[5])


def bezier(p0, p1, p2, p3, steps=12):
    out = []
    for i in range(1, steps + 1):
        t = i / steps
        u = 1 - t
        out.append((u ** 3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t ** 3 * p3[0],
                    u ** 3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t ** 3 * p3[1]))
    return out


def path_points(d):
    """Flattens an SVG path into one polyline (subpaths joined; Graphviz and Mermaid edges
    are single subpaths)."""
    tokens = re.findall(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?", d or "")
    points = []
    cur = (0.0, 0.0)
    start = cur
    last_ctrl = None
    cmd = None
    i = 0

    def num():
        nonlocal i
        value = float(tokens[i])
        i += 1
        return value

    while i < len(tokens):
        if re.match(r"[A-Za-z]", tokens[i]):
            cmd = tokens[i]
            i += 1
            if cmd in "Zz":
                points.append(start)
                cur = start
                continue
        if cmd is None:
            i += 1
            continue
        rel = cmd.islower()
        c = cmd.upper()
        ox, oy = cur if rel else (0.0, 0.0)
        try:
            if c == "M":
                cur = (ox + num(), oy + num())
                start = cur
                points.append(cur)
                cmd = "l" if rel else "L"
                last_ctrl = None
            elif c == "L":
                cur = (ox + num(), oy + num())
                points.append(cur)
                last_ctrl = None
            elif c == "H":
                cur = ((ox if rel else 0) + num(), cur[1])
                points.append(cur)
            elif c == "V":
                cur = (cur[0], (oy if rel else 0) + num())
                points.append(cur)
            elif c == "C":
                p1 = (ox + num(), oy + num())
                p2 = (ox + num(), oy + num())
                p3 = (ox + num(), oy + num())
                points += bezier(cur, p1, p2, p3)
                last_ctrl = p2
                cur = p3
            elif c == "S":
                p1 = (2 * cur[0] - last_ctrl[0], 2 * cur[1] - last_ctrl[1]) if last_ctrl else cur
                p2 = (ox + num(), oy + num())
                p3 = (ox + num(), oy + num())
                points += bezier(cur, p1, p2, p3)
                last_ctrl = p2
                cur = p3
            elif c == "Q":
                q = (ox + num(), oy + num())
                p3 = (ox + num(), oy + num())
                p1 = (cur[0] + 2 / 3 * (q[0] - cur[0]), cur[1] + 2 / 3 * (q[1] - cur[1]))
                p2 = (p3[0] + 2 / 3 * (q[0] - p3[0]), p3[1] + 2 / 3 * (q[1] - p3[1]))
                points += bezier(cur, p1, p2, p3)
                cur = p3
            elif c == "T":
                cur = (ox + num(), oy + num())
                points.append(cur)
            elif c == "A":
                for _ in range(5):
                    num()
                cur = (ox + num(), oy + num())
                points.append(cur)
            else:
                i += 1
        except (IndexError, ValueError):
            break
    return points


def bbox(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def inflate(box, d):
    return (box[0] - d, box[1] - d, box[2] + d, box[3] + d)


def inside(p, box):
    return box[0] < p[0] < box[2] and box[1] < p[1] < box[3]


def boxes_overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def seg_intersection(p, q, r, s):
    d = (q[0] - p[0]) * (s[1] - r[1]) - (q[1] - p[1]) * (s[0] - r[0])
    if abs(d) < 1e-9:
        return None
    t = ((r[0] - p[0]) * (s[1] - r[1]) - (r[1] - p[1]) * (s[0] - r[0])) / d
    u = ((r[0] - p[0]) * (q[1] - p[1]) - (r[1] - p[1]) * (q[0] - p[0])) / d
    if 0 <= t <= 1 and 0 <= u <= 1:
        return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))
    return None


def segment_hits_box(p, q, box):
    """Whether segment pq passes through the open box."""
    if inside(p, box) or inside(q, box):
        return True
    corners = [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]
    return any(seg_intersection(p, q, corners[k], corners[(k + 1) % 4]) for k in range(4))


def polyline_hits_box(points, box):
    return any(segment_hits_box(points[k], points[k + 1], box) for k in range(len(points) - 1))


def point_segment_distance(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == dy == 0:
        return math.dist(p, a)
    t = max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.dist(p, (a[0] + t * dx, a[1] + t * dy))


def box_polyline_distance(box, points):
    if polyline_hits_box(points, box):
        return 0.0
    corners = [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])]
    best = math.inf
    for k in range(len(points) - 1):
        for c in corners:
            best = min(best, point_segment_distance(c, points[k], points[k + 1]))
        for j in range(4):
            a, b = corners[j], corners[(j + 1) % 4]
            best = min(best, point_segment_distance(points[k], a, b))
    return best


# ---------------------------------------------------------------- reading SVG

def char_width(c):
    """Helvetica's advance widths (em), roughly: what Graphviz measured the text with."""
    if c in "il.,:;'|!":
        return 0.25
    if c in "fjtrI -()[]/":
        return 0.32
    if c in "mwMW":
        return 0.85
    if c.isupper():
        return 0.68
    return 0.56


def text_box(element, m):
    """Estimated box of one <text> element in user units."""
    text = "".join(element.itertext())
    if not text.strip():
        return None
    size = float(re.sub(r"[^\d.]", "", element.get("font-size", "") or "") or 14)
    width = size * sum(char_width(c) for c in text)
    x = float(element.get("x", 0) or 0)
    y = float(element.get("y", 0) or 0)
    anchor = element.get("text-anchor", "start")
    left = x - width / 2 if anchor == "middle" else (x - width if anchor == "end" else x)
    a = apply(m, (left, y - 0.8 * size))
    b = apply(m, (left + width, y + 0.2 * size))
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))


def shape_points(element, m):
    tag = element.tag.replace(SVG, "")
    if tag == "path":
        return [apply(m, p) for p in path_points(element.get("d"))]
    if tag in ("polygon", "polyline"):
        v = [float(x) for x in re.findall(r"[-+]?(?:\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?", element.get("points", ""))]
        return [apply(m, (v[k], v[k + 1])) for k in range(0, len(v) - 1, 2)]
    if tag == "ellipse" or tag == "circle":
        cx, cy = float(element.get("cx", 0)), float(element.get("cy", 0))
        rx = float(element.get("rx", element.get("r", 0)))
        ry = float(element.get("ry", element.get("r", 0)))
        return [apply(m, (cx - rx, cy - ry)), apply(m, (cx + rx, cy + ry))]
    if tag in ("rect", "image"):
        def length(name):
            return float(re.sub(r"[a-z%]+$", "", element.get(name, "0") or "0") or 0)
        x, y, w, h = length("x"), length("y"), length("width"), length("height")
        return [apply(m, (x, y)), apply(m, (x + w, y + h))]
    return []


class Drawing:
    def __init__(self):
        self.nodes = []      # dicts: name, box, classes
        self.clusters = []   # dicts: name, box, title (box or None), classes
        self.edges = []      # dicts: name, tail, head, points, labels [box]


def walk(element, m, visit):
    m = matmul(m, parse_transform(element.get("transform")))
    visit(element, m)
    for child in element:
        walk(child, m, visit)


def descendants_with_matrix(element, m):
    out = []
    walk(element, m, lambda e, mm: out.append((e, mm)))
    return out


def read_graphviz(root):
    drawing = Drawing()

    def visit(element, m):
        if element.tag != SVG + "g":
            return
        classes = (element.get("class") or "").split()
        if not {"cluster", "node", "edge"} & set(classes):
            return
        title_el = element.find(SVG + "title")
        name = "".join(title_el.itertext()) if title_el is not None else element.get("id", "")
        parts = descendants_with_matrix(element, parse_transform(None))
        # The group's own matrix is m; children carry their own transforms on top.
        shapes, texts = [], []
        for child, cm in parts:
            if child is element:
                continue
            full = matmul(m, cm)
            tag = child.tag.replace(SVG, "")
            if tag == "text":
                box = text_box(child, full)
                if box:
                    texts.append(box)
            elif tag in ("path", "polygon", "polyline", "ellipse", "circle", "rect", "image"):
                shapes.append((tag, child, shape_points(child, full)))
        if "cluster" in classes:
            points = [p for _, _, pts in shapes for p in pts]
            if not points:
                return
            box = bbox(points)
            title = None
            if texts:
                top = min(t[1] for t in texts)
                row = [t for t in texts if t[1] < top + 14]
                title = (min(t[0] for t in row), min(t[1] for t in row), max(t[2] for t in row), max(t[3] for t in row))
            drawing.clusters.append({"name": name, "box": box, "title": title, "classes": classes})
        elif "node" in classes:
            points = [p for _, _, pts in shapes for p in pts]
            if not points:
                return  # invisible anchor
            drawing.nodes.append({"name": name, "box": bbox(points), "classes": classes})
        elif "edge" in classes:
            curve = []
            dotted = False
            for tag, child, pts in shapes:
                if tag == "path" and len(pts) > 1:
                    curve += pts
                    dotted = dotted or child.get("stroke-dasharray") == "1,5"
            if not curve:
                return
            tail, _, head = name.partition("->")
            copy = "@" in (element.get("id") or "") or "@" in name
            drawing.edges.append({"name": name, "tail": tail.strip(), "head": head.strip(), "points": curve, "labels": texts,
                                  "dotted": dotted, "copy": copy and not dotted})

    walk(root, IDENTITY, visit)
    return drawing


def read_mermaid(root):
    """Mermaid 11 flowchart: edge paths under .edgePaths, nodes as g.node, clusters g.cluster."""
    drawing = Drawing()

    def visit(element, m):
        classes = (element.get("class") or "").split()
        tag = element.tag.replace(SVG, "")
        if tag == "path" and any(c.startswith("flowchart-link") for c in classes):
            points = [apply(m, p) for p in path_points(element.get("d"))]
            if len(points) > 1:
                drawing.edges.append({"name": element.get("id", ""), "tail": "", "head": "", "points": points, "labels": []})
        elif tag == "g" and "node" in classes:
            pts = []
            for child, cm in descendants_with_matrix(element, IDENTITY):
                if child is element:
                    continue
                ctag = child.tag.replace(SVG, "")
                if ctag in ("rect", "polygon", "path", "ellipse", "circle"):
                    pts += shape_points(child, matmul(m, cm))
            if pts:
                drawing.nodes.append({"name": element.get("id", ""), "box": bbox(pts), "classes": classes})

    walk(root, IDENTITY, visit)
    return drawing


# ---------------------------------------------------------------- measures

def edge_kind(edge):
    return "reference" if edge.get("dotted") else ("copy" if edge.get("copy") else "flow")


def crossings(drawing, dotted=False, kind=None):
    """Pairs of edge segments that cross, not counting meetings at or near a node. `kind`
    picks the pairs: "flow" (two data-flow edges), "copy" (one joins per-subnet copies,
    neither is dotted), "reference" (one is a dotted reference edge); None is flow and copy
    together, dotted=True the same as "reference"."""
    if dotted:
        kind = "reference"
    node_boxes = [inflate(n["box"], 4) for n in drawing.nodes]
    ends = [(e["points"][0], e["points"][-1]) for e in drawing.edges]
    found = 0
    boxes = [bbox(e["points"]) for e in drawing.edges]
    for a in range(len(drawing.edges)):
        for b in range(a + 1, len(drawing.edges)):
            if not boxes_overlap(inflate(boxes[a], 1), inflate(boxes[b], 1)):
                continue
            kinds = {edge_kind(drawing.edges[a]), edge_kind(drawing.edges[b])}
            pair = "reference" if "reference" in kinds else ("copy" if "copy" in kinds else "flow")
            if (kind is None and pair == "reference") or (kind is not None and pair != kind):
                continue
            pa, pb = drawing.edges[a]["points"], drawing.edges[b]["points"]
            hits = []
            for i in range(len(pa) - 1):
                for j in range(len(pb) - 1):
                    x = seg_intersection(pa[i], pa[i + 1], pb[j], pb[j + 1])
                    if x is None:
                        continue
                    if any(math.dist(x, p) < 12 for p in ends[a] + ends[b]):
                        continue
                    if any(inside(x, box) for box in node_boxes):
                        continue
                    if all(math.dist(x, h) > 6 for h in hits):
                        hits.append(x)
            found += len(hits)
    return found


def members(drawing, cluster):
    box = cluster["box"]
    return {n["name"] for n in drawing.nodes if inside(((n["box"][0] + n["box"][2]) / 2, (n["box"][1] + n["box"][3]) / 2), box)}


def cluster_of_anchor(drawing, name):
    """`anchor_x` stands for container x (edges to a frame aim at it)."""
    if name.startswith("anchor_"):
        cid = "cluster_" + name[len("anchor_"):]
        return next((c for c in drawing.clusters if c["name"] == cid), None)
    return None


def measure(drawing):
    report = {k: [] for k in ("edge-through-node", "label-on-frame", "label-detached", "empty-span",
                              "edge-through-title", "needless-border")}
    by_name = {n["name"]: n for n in drawing.nodes}
    cluster_members = {c["name"]: members(drawing, c) for c in drawing.clusters}
    for edge in drawing.edges:
        points = edge["points"]
        trimmed = points
        ends = {edge["tail"], edge["head"]}
        for node in drawing.nodes:
            if node["name"] in ends:
                continue
            if polyline_hits_box(trimmed, inflate(node["box"], -3)):
                report["edge-through-node"].append(f"{edge['name']} through {node['name']}")
        for cluster in drawing.clusters:
            if cluster["title"] and polyline_hits_box(points[1:-1] if len(points) > 3 else points, inflate(cluster["title"], -1)):
                report["edge-through-title"].append(f"{edge['name']} through the title of {cluster['name']}")
        for label in edge["labels"]:
            for cluster in drawing.clusters:
                box = cluster["box"]
                outer = boxes_overlap(label, box)
                inner = boxes_overlap(label, inflate(box, -2)) and not (box[0] + 2 <= label[0] and label[2] <= box[2] - 2 and box[1] + 2 <= label[1] and label[3] <= box[3] - 2)
                if outer and inner:
                    report["label-on-frame"].append(f"label of {edge['name']} on the border of {cluster['name']}")
                elif cluster["title"] and boxes_overlap(label, cluster["title"]):
                    report["label-on-frame"].append(f"label of {edge['name']} on the title of {cluster['name']}")
            distance = box_polyline_distance(label, points)
            if distance > DETACHED_PX:
                report["label-detached"].append(f"label of {edge['name']} {distance:.0f} px from its edge")
        # Border crossings each frame needs: one when it holds exactly one end.
        for cluster in drawing.clusters:
            box = cluster["box"]
            state = None
            changes = 0
            for p in points:
                now = inside(p, inflate(box, -1.5))
                if state is not None and now != state:
                    changes += 1
                state = now
            held = cluster_members[cluster["name"]]
            tail_in = edge["tail"] in held or _anchor_inside(drawing, edge["tail"], cluster)
            head_in = edge["head"] in held or _anchor_inside(drawing, edge["head"], cluster)
            needed = 1 if tail_in != head_in else 0
            ends_here = cluster_of_anchor(drawing, edge["head"]) is cluster or cluster_of_anchor(drawing, edge["tail"]) is cluster
            if changes > needed + (1 if ends_here else 0):
                report["needless-border"].append(f"{edge['name']} crosses the border of {cluster['name']} {changes}x (needs {needed})")
    # Labels Topograph draws as nodes of their own on the edge (class tg-edge-label).
    for node in drawing.nodes:
        if "tg-edge-label" not in node["classes"]:
            continue
        label = inflate(node["box"], -1)
        for cluster in drawing.clusters:
            box = cluster["box"]
            if boxes_overlap(label, box) and not (box[0] <= label[0] and label[2] <= box[2] and box[1] <= label[1] and label[3] <= box[3]):
                report["label-on-frame"].append(f"label {node['name']} on the border of {cluster['name']}")
            elif cluster["title"] and boxes_overlap(label, cluster["title"]):
                report["label-on-frame"].append(f"label {node['name']} on the title of {cluster['name']}")
    # Spanning resources: every frame a node names with tg-span-<frame> must hold a node of it.
    resources = {}
    for node in drawing.nodes:
        for cls in node["classes"]:
            if cls.startswith("tg-res-"):
                resources.setdefault(cls[len("tg-res-"):], []).append(node)
    for resource, nodes in resources.items():
        spans = {cls[len("tg-span-"):] for node in nodes for cls in node["classes"] if cls.startswith("tg-span-")}
        for frame in sorted(spans):
            cluster = next((c for c in drawing.clusters if c["name"] == "cluster_" + frame), None)
            if cluster is None:
                report["empty-span"].append(f"{resource} spans {frame}, which is not drawn")
            elif not any(n["name"] in cluster_members[cluster["name"]] for n in nodes):
                report["empty-span"].append(f"{resource} spans {frame} but is not drawn inside it")
    return report


def _anchor_inside(drawing, name, cluster):
    frame = cluster_of_anchor(drawing, name)
    if frame is None:
        return False
    inner, outer = frame["box"], cluster["box"]
    return frame is not cluster and outer[0] <= inner[0] and inner[2] <= outer[2] and outer[1] <= inner[1] and inner[3] <= outer[3]


HARD = ("edge-through-node", "label-on-frame", "label-detached", "empty-span", "mermaid-too-wide")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=pathlib.Path)
    parser.add_argument("--mermaid-dir", type=pathlib.Path, help="Mermaid's SVGs of the same diagrams, by base name")
    parser.add_argument("--json", type=pathlib.Path, help="write every finding as JSON")
    parser.add_argument("--quiet", action="store_true", help="only failing diagrams and the totals")
    parser.add_argument("--max-mermaid-width", type=float, default=None,
                        help="fail when Mermaid's drawing of a diagram is wider than this (px, at Mermaid's default font)")
    parser.add_argument("--max-crossings-ratio", type=float, default=None,
                        help="fail when Topograph's crossings between data-flow edges exceed Mermaid's total times this")
    args = parser.parse_args()

    totals = {k: 0 for k in HARD + ("crossings", "edge-through-title", "needless-border", "mermaid-crossings")}
    results = {}
    failed = 0
    compared = 0
    for path in args.files:
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as error:
            print(f"FAIL {path}: not well-formed XML: {error}")
            failed += 1
            continue
        drawing = read_graphviz(root)
        report = measure(drawing)
        count = crossings(drawing, kind="flow")
        copies = crossings(drawing, kind="copy")
        references = crossings(drawing, kind="reference")
        totals["copy-crossings"] = totals.get("copy-crossings", 0) + copies
        totals["reference-crossings"] = totals.get("reference-crossings", 0) + references
        mermaid = None
        width = None
        if args.mermaid_dir:
            twin = args.mermaid_dir / path.name
            if twin.exists():
                mroot = ET.parse(twin).getroot()
                mermaid = crossings(read_mermaid(mroot))
                totals["mermaid-crossings"] += mermaid
                compared += 1
                view = [float(v) for v in (mroot.get("viewBox") or "0 0 0 0").split()]
                width = view[2] if len(view) == 4 else None
                if args.max_mermaid_width and width and width > args.max_mermaid_width:
                    report["mermaid-too-wide"] = [f"Mermaid draws it {width:.0f} px wide (limit {args.max_mermaid_width:.0f})"]
        totals["crossings"] += count
        for key, items in report.items():
            totals[key] = totals.get(key, 0) + len(items)
        hard = sum(len(report.get(k, [])) for k in HARD)
        failed += 1 if hard else 0
        results[str(path)] = {"crossings": count, "copy-crossings": copies, "reference-crossings": references,
                              "mermaid-crossings": mermaid, **report}
        line = (f"{'FAIL' if hard else 'ok  '} {path.name}: {len(drawing.nodes)} nodes, {len(drawing.edges)} edges, "
                f"crossings {count}" + (f" (Mermaid {mermaid}, {width:.0f} px wide)" if mermaid is not None else "")
                + f", + {copies} with copy edges, + {references} with dotted references"
                + f", through title {len(report['edge-through-title'])}, needless border {len(report['needless-border'])}")
        if hard or not args.quiet:
            print(line)
        for key in report:
            for item in report[key]:
                if key in HARD or not args.quiet:
                    print(f"     {'ERROR' if key in HARD else 'note '} {key}: {item}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"svg-geometry: {len(args.files)} diagrams; crossings between data-flow edges {totals['crossings']}"
          + (f" (Mermaid on the same {compared}: {totals['mermaid-crossings']})" if args.mermaid_dir else "")
          + f", + {totals.get('copy-crossings', 0)} involving edges between per-subnet copies"
          + f", + {totals.get('reference-crossings', 0)} involving dotted reference edges (Mermaid draws neither)"
          + f"; edges through nodes {totals['edge-through-node']}, labels on frames {totals['label-on-frame']}, "
          f"detached labels {totals['label-detached']}, empty spanned frames {totals['empty-span']}, "
          f"too-wide Mermaid {totals.get('mermaid-too-wide', 0)}; "
          f"edges through titles {totals['edge-through-title']}, needless border crossings {totals['needless-border']}")
    status = 1 if failed else 0
    if args.max_crossings_ratio is not None and args.mermaid_dir and totals["crossings"] > args.max_crossings_ratio * totals["mermaid-crossings"]:
        print(f"svg-geometry: {totals['crossings']} crossings, more than {args.max_crossings_ratio} x Mermaid's {totals['mermaid-crossings']}")
        status = 1
    print(f"svg-geometry: {len(args.files) - failed} passed, {failed} failed")
    return status


if __name__ == "__main__":
    sys.exit(main())
