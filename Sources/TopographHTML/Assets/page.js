"use strict";
// Topograph's interactive page: stage switcher with the migration's changes, pan and zoom,
// a side panel per resource, search and deep links (#stage=V2&resource=nlb). Every value
// from the topology reaches the DOM as text (textContent, attributes); the runbook HTML
// (Ink's output of escaped Markdown) is filtered to an allow-list of elements first.
(function () {
  const data = JSON.parse(document.getElementById("tg-data").textContent);
  const $ = (selector, root) => (root || document).querySelector(selector);
  const $$ = (selector, root) => Array.from((root || document).querySelectorAll(selector));
  const viewport = $("[data-viewport]"), canvas = $("[data-canvas]"), panel = $("[data-panel]");
  const changesBar = $("[data-changes]"), search = $("[data-search]"), results = $("[data-results]");
  const stagesByName = new Map(data.stages.map((stage) => [stage.name, stage]));
  const view = { stage: null, resource: null, x: 0, y: 0, k: 1 };

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function drawing(name) { return $$("[data-drawing]").find((node) => node.dataset.drawing === name); }
  function currentStage() { return stagesByName.get(view.stage); }
  function drawnElements(id) { const root = drawing(view.stage); return root ? $$("[data-resource]", root).filter((node) => node.dataset.resource === id) : []; }

  // ---- pan and zoom ----
  function apply() { canvas.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.k})`; }
  function svgSize() {
    const svg = $("svg", drawing(view.stage));
    if (!svg) return { w: 1, h: 1 };
    const box = svg.viewBox && svg.viewBox.baseVal;
    return { w: svg.width.baseVal.value || (box && box.width) || 1, h: svg.height.baseVal.value || (box && box.height) || 1 };
  }
  function fit() {
    const size = svgSize(), width = viewport.clientWidth, height = viewport.clientHeight;
    view.k = Math.min(width / size.w, height / size.h, 2) * 0.96;
    view.x = (width - size.w * view.k) / 2;
    view.y = (height - size.h * view.k) / 2;
    apply();
  }
  function zoom(factor, cx, cy) {
    const k = Math.min(Math.max(view.k * factor, 0.05), 8);
    if (cx === undefined) { cx = viewport.clientWidth / 2; cy = viewport.clientHeight / 2; }
    view.x = cx - (cx - view.x) * (k / view.k);
    view.y = cy - (cy - view.y) * (k / view.k);
    view.k = k;
    apply();
  }
  function pan(dx, dy) { view.x += dx; view.y += dy; apply(); }
  function reveal(node) {
    const box = node.getBoundingClientRect(), frame = viewport.getBoundingClientRect();
    if (box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom) return;
    pan(frame.left + frame.width / 2 - (box.left + box.width / 2), frame.top + frame.height / 2 - (box.top + box.height / 2));
  }
  viewport.addEventListener("wheel", (event) => {
    event.preventDefault();
    const frame = viewport.getBoundingClientRect();
    zoom(Math.exp(-event.deltaY * 0.0015), event.clientX - frame.left, event.clientY - frame.top);
  }, { passive: false });
  const pointers = new Map();
  let moved = false, pinch = 0;
  viewport.addEventListener("pointerdown", (event) => {
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    moved = false;
    if (pointers.size === 2) { const [a, b] = [...pointers.values()]; pinch = Math.hypot(a.x - b.x, a.y - b.y); }
  });
  viewport.addEventListener("pointermove", (event) => {
    const last = pointers.get(event.pointerId);
    if (!last) return;
    const dx = event.clientX - last.x, dy = event.clientY - last.y;
    if (!moved && Math.hypot(dx, dy) < 4) return;
    if (!moved) { moved = true; viewport.setPointerCapture(event.pointerId); viewport.classList.add("tg-dragging"); }
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()], distance = Math.hypot(a.x - b.x, a.y - b.y), frame = viewport.getBoundingClientRect();
      if (pinch > 0) zoom(distance / pinch, (a.x + b.x) / 2 - frame.left, (a.y + b.y) / 2 - frame.top);
      pinch = distance;
    } else {
      pan(dx, dy);
    }
  });
  function release(event) {
    pointers.delete(event.pointerId);
    pinch = 0;
    if (pointers.size === 0) viewport.classList.remove("tg-dragging");
  }
  viewport.addEventListener("pointerup", release);
  viewport.addEventListener("pointercancel", release);
  viewport.addEventListener("keydown", (event) => {
    if (event.target !== viewport && !event.target.dataset.resource) return;
    const step = 60, keys = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (keys[event.key]) { pan(...keys[event.key]); event.preventDefault(); }
    else if (event.key === "+" || event.key === "=") zoom(1.25);
    else if (event.key === "-") zoom(0.8);
    else if (event.key === "0") fit();
    else if (event.key === "Enter" && event.target.dataset.resource) select(event.target.dataset.resource);
  });
  // Focus moved by Tab scrolls an overflow:hidden box; the view is the transform's alone.
  viewport.addEventListener("scroll", () => { viewport.scrollTop = 0; viewport.scrollLeft = 0; });
  $$("[data-zoom]").forEach((button) => button.addEventListener("click", () => zoom(button.dataset.zoom === "in" ? 1.25 : 0.8)));
  $("[data-fit]").addEventListener("click", fit);

  // ---- stages and the migration's changes ----
  function showStage(name, keepView) {
    if (!stagesByName.has(name)) name = data.stages[data.stages.length - 1].name;
    view.stage = name;
    $$("[data-drawing]").forEach((node) => { node.hidden = node.dataset.drawing !== name; });
    $$("[data-stage]").forEach((button) => button.setAttribute("aria-pressed", String(button.dataset.stage === name)));
    markChanges();
    if (!keepView) fit();
    if (view.resource && !currentStage().resources[view.resource]) closePanel();
    else if (view.resource) select(view.resource, true);
    runSearch();
    writeHash();
  }
  function markChanges() {
    const stage = currentStage(), root = drawing(stage.name);
    $$(".tg-added, .tg-changed, .tg-renamed, .tg-moved", root).forEach((node) => node.classList.remove("tg-added", "tg-changed", "tg-renamed", "tg-moved"));
    changesBar.replaceChildren();
    changesBar.hidden = !stage.changes;
    if (!stage.changes) return;
    const changes = stage.changes;
    changesBar.append(element("strong", `${changes.from} → ${stage.name}:`));
    if (!changes.resources.length && !changes.connections.length) changesBar.append(element("span", "no architecture change", "tg-muted"));
    for (const change of changes.resources) {
      drawnElements(change.id).forEach((node) => node.classList.add("tg-" + change.change));
      const chip = element("span", null, "tg-chip " + change.change);
      chip.dataset.change = change.change;
      const label = change.change === "renamed" ? `${change.oldID} → ${change.id}` : change.id;
      if (change.change === "removed") chip.textContent = `${change.change}: ${label}`;
      else {
        chip.append(element("span", change.change + ": "));
        const link = element("button", label, "tg-link");
        link.type = "button";
        link.addEventListener("click", () => select(change.id));
        chip.append(link);
      }
      chip.title = change.label;
      changesBar.append(chip);
    }
    for (const change of changes.connections) {
      if (change.change === "added") $$("g.edge", root).filter((edge) => edge.dataset.from === change.from && edge.dataset.to === change.to).forEach((edge) => edge.classList.add("tg-added"));
      const chip = element("span", `${change.change}: ${change.from} → ${change.to}`, "tg-chip " + (change.change === "relabelled" ? "changed" : change.change));
      chip.dataset.change = change.change;
      changesBar.append(chip);
    }
  }
  $$("[data-stage]").forEach((button) => button.addEventListener("click", () => showStage(button.dataset.stage)));

  // ---- the side panel ----
  const allowed = new Set(["H1", "H2", "H3", "H4", "H5", "H6", "P", "PRE", "CODE", "UL", "OL", "LI", "EM", "STRONG", "A", "BLOCKQUOTE", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD", "BR", "HR", "DEL"]);
  function cleanHTML(html) {
    const template = document.createElement("template");
    template.innerHTML = html;
    for (const node of $$("*", template.content)) {
      if (!allowed.has(node.tagName)) { node.replaceWith(document.createTextNode(node.textContent)); continue; }
      for (const attribute of Array.from(node.attributes)) {
        const keep = node.tagName === "A" && attribute.name === "href" && /^https?:\/\//i.test(attribute.value);
        if (!keep) node.removeAttribute(attribute.name);
      }
      if (node.tagName === "A") { node.rel = "noopener noreferrer"; node.target = "_blank"; }
    }
    return template.content;
  }
  function resourceButton(id) {
    const stage = currentStage(), resource = stage.resources[id];
    if (!resource) return element("code", id);
    const button = element("button", resource.label === id ? id : `${resource.label} (${id})`, "tg-link");
    button.type = "button";
    button.addEventListener("click", () => select(id));
    return button;
  }
  function section(title) { panel.append(element("h3", title)); }
  function select(id, quiet) {
    const stage = currentStage(), resource = stage.resources[id];
    if (!resource) return;
    view.resource = id;
    $$(".tg-selected").forEach((node) => node.classList.remove("tg-selected"));
    const drawn = drawnElements(id);
    drawn.forEach((node) => node.classList.add("tg-selected"));
    panel.replaceChildren();
    panel.hidden = false;
    panel.dataset.resource = id;
    const close = element("button", "×", "tg-close");
    close.type = "button";
    close.title = "Close (Esc)";
    close.addEventListener("click", closePanel);
    panel.append(close, element("h2", resource.label));
    const subtitle = element("p", null, "tg-muted");
    subtitle.append(element("span", resource.kindTitle + " · "), element("code", resource.id));
    if (resource.name !== resource.id) subtitle.append(element("span", " · name "), element("code", resource.name));
    if (!resource.drawn) subtitle.append(element("span", " · drawn inside a collapsed group"));
    panel.append(subtitle);
    if (resource.notes) panel.append(element("p", resource.notes));
    const change = stage.changes && stage.changes.resources.find((item) => item.id === id);
    if (change) {
      section(`Change from ${stage.changes.from}`);
      const text = change.change === "renamed" ? `renamed from ${change.oldID}` : change.change === "moved" ? `moved from ${change.oldParent || "top level"} to ${change.newParent || "top level"}` : change.change;
      panel.append(element("p", text, "tg-chip " + change.change));
      if (change.attributes.length) {
        const table = element("table");
        for (const [path, before, after] of change.attributes) {
          const row = table.insertRow();
          row.append(element("td", path), element("td", before || "—"), element("td", "→ " + (after || "—")));
        }
        panel.append(table);
      }
    }
    section("Attributes");
    const table = element("table");
    const rows = [["kind", resource.kind]].concat(resource.attributes);
    for (const [name, value] of rows) { const row = table.insertRow(); row.append(element("th", name), element("td", value)); }
    panel.append(table);
    for (const url of resource.links) {
      if (!/^https?:\/\//i.test(url)) continue;
      const link = element("a", url);
      link.href = url; link.rel = "noopener noreferrer"; link.target = "_blank";
      const paragraph = element("p"); paragraph.append(link); panel.append(paragraph);
    }
    section("Placement");
    const place = element("p");
    if (resource.path.length) resource.path.forEach((parent, index) => { if (index) place.append(element("span", " › ")); place.append(resourceButton(parent)); });
    else place.append(element("span", "top level", "tg-muted"));
    panel.append(place);
    if (resource.subnets.length || resource.zones.length) {
      const spans = element("p");
      if (resource.subnets.length) { spans.append(element("span", "subnets: ")); resource.subnets.forEach((subnet, index) => { if (index) spans.append(element("span", ", ")); spans.append(resourceButton(subnet)); }); }
      if (resource.zones.length) spans.append(element("span", (resource.subnets.length ? "; " : "") + "zones: " + resource.zones.join(", ")));
      panel.append(spans);
    }
    section("Connections");
    const list = element("ul");
    const outgoing = stage.connections.filter((connection) => connection.from === id), incoming = stage.connections.filter((connection) => connection.to === id);
    for (const [connection, arrow, other] of outgoing.map((c) => [c, "→ ", c.to]).concat(incoming.map((c) => [c, "← ", c.from]))) {
      const item = element("li", arrow);
      item.dataset.connection = connection.from + " " + connection.to;
      item.append(resourceButton(other));
      if (connection.label) item.append(element("span", " " + connection.label, "tg-muted"));
      list.append(item);
    }
    if (!list.children.length) list.append(element("li", "none", "tg-muted"));
    panel.append(list);
    const findings = stage.findings.filter((finding) => finding.resource === id);
    section(`Lint findings (${findings.length})`);
    if (!findings.length) panel.append(element("p", "none in this stage", "tg-muted"));
    const findingList = element("ul");
    for (const finding of findings) {
      const rule = data.rules[finding.rule] || {};
      const item = element("li", null, "tg-finding " + finding.severity);
      item.dataset.rule = finding.rule;
      const head = element("p");
      const link = element("a", finding.rule);
      link.href = data.rulesURL + "#" + encodeURIComponent(finding.rule); link.rel = "noopener noreferrer"; link.target = "_blank";
      head.append(element("strong", finding.severity + " "), link, element("span", ` · line ${finding.line}:${finding.column}`, "tg-muted"));
      item.append(head, element("p", finding.message));
      if (rule.fix) item.append(element("p", "Fix: " + rule.fix));
      findingList.append(item);
    }
    panel.append(findingList);
    const sections = stage.runbook.map((index) => data.sections[index]).filter((part) => part.resources.includes(id));
    section(`Runbook sections (${sections.length})`);
    if (!sections.length) panel.append(element("p", "no runbook section names it", "tg-muted"));
    for (const part of sections) {
      const details = element("details", null, "tg-runbook");
      details.dataset.runbook = part.source;
      const body = element("div");
      body.append(cleanHTML(part.html));
      const heading = $("h1, h2, h3, h4", body);
      const summary = element("summary", (part.source === "migration" ? `Migration ${stage.changes ? stage.changes.from : ""} → ${stage.name}: ` : "Runbook: ") + (heading ? heading.textContent : part.heading));
      if (heading) heading.remove();
      details.append(summary, body);
      panel.append(details);
    }
    if (!quiet && drawn.length) reveal(drawn[0]);
    writeHash();
  }
  function closePanel() {
    view.resource = null;
    panel.hidden = true;
    panel.replaceChildren();
    delete panel.dataset.resource;
    $$(".tg-selected").forEach((node) => node.classList.remove("tg-selected"));
    writeHash();
  }
  viewport.addEventListener("click", (event) => {
    const target = event.target.closest("[data-resource]");
    if (moved) { moved = false; return; }
    if (target) { event.preventDefault(); select(target.dataset.resource); }
  });
  viewport.addEventListener("focusin", (event) => { if (event.target.dataset && event.target.dataset.resource) select(event.target.dataset.resource); });

  // ---- search ----
  function matches(query) {
    const stage = currentStage(), needle = query.trim().toLowerCase();
    if (!needle) return [];
    return stage.order.map((id) => stage.resources[id]).filter((resource) =>
      [resource.id, resource.label, resource.name, resource.kind].some((value) => value.toLowerCase().includes(needle)));
  }
  function runSearch() {
    const found = matches(search.value), root = drawing(view.stage);
    $$(".tg-match").forEach((node) => node.classList.remove("tg-match"));
    canvas.classList.toggle("tg-searching", search.value.trim() !== "");
    found.forEach((resource) => drawnElements(resource.id).forEach((node) => node.classList.add("tg-match")));
    results.replaceChildren();
    results.hidden = !search.value.trim() || document.activeElement !== search;
    for (const resource of found.slice(0, 30)) {
      const item = element("li", resource.label);
      item.dataset.result = resource.id;
      item.append(element("small", ` ${resource.id} · ${resource.kind}`));
      item.addEventListener("mousedown", (event) => { event.preventDefault(); choose(resource.id); });
      results.append(item);
    }
    if (!found.length && search.value.trim()) results.append(element("li", "no match in this stage", "tg-muted"));
    return root;
  }
  function choose(id) { results.hidden = true; select(id); }
  search.addEventListener("input", runSearch);
  search.addEventListener("focus", runSearch);
  search.addEventListener("blur", () => { results.hidden = true; });
  search.addEventListener("keydown", (event) => {
    const items = $$("[data-result]", results);
    const index = items.findIndex((item) => item.getAttribute("aria-selected") === "true");
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = items[(index + (event.key === "ArrowDown" ? 1 : items.length - 1)) % Math.max(items.length, 1)];
      items.forEach((item) => item.setAttribute("aria-selected", String(item === next)));
    } else if (event.key === "Enter" && items.length) choose(items[Math.max(index, 0)].dataset.result);
    else if (event.key === "Escape") { search.value = ""; runSearch(); search.blur(); }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && document.activeElement !== search) { event.preventDefault(); search.focus(); }
    else if (event.key === "Escape" && document.activeElement !== search && !panel.hidden) closePanel();
  });

  // ---- deep links ----
  function writeHash() {
    const params = new URLSearchParams();
    if (view.stage) params.set("stage", view.stage);
    if (view.resource) params.set("resource", view.resource);
    const hash = "#" + params.toString();
    if (location.hash !== hash) history.replaceState(null, "", hash);
  }
  function readHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    view.resource = null;
    showStage(params.get("stage") || "");
    const resource = params.get("resource");
    if (resource && currentStage().resources[resource]) select(resource);
  }
  window.addEventListener("hashchange", readHash);
  window.addEventListener("resize", () => fit());
  readHash();
  window.topograph = { view, select, showStage, fit };
})();
