/* accordingto: the one renderer of an analysis, shared by the self-contained HTML report (write/html.py inlines
 * this file) and the web page (served as /assets/report.js).
 *
 * Safety rule: article text and every string from the analysis reach the DOM only through textContent,
 * setAttribute or dataset, never innerHTML, so nothing in an article can become markup or script.
 *
 * Public API: AccordingTo.render(container, analysis) -> view, where analysis is Analysis.to_dict();
 * view.select(attributionId), view.selectSource(sourceId), view.clear(); AccordingTo.el(tag, class, text);
 * AccordingTo.codeUnits(text) -> offset => offset: Python's code-point offsets as indices into a JS string.
 */
(function (global) {
  "use strict";

  // Which role colours a piece of text covered by several attributions: the source and cue words of a nested
  // attribution sit inside the content of its parent, and the reader must still see who speaks there.
  const ROLE_RANK = { source: 3, cue: 2, content: 1 };
  const FLAG_LABELS = { denial: "denial", hedged: "hedged", negated: "negated", hypothetical: "hypothetical" };
  const KIND_LABELS = {
    person: "person", organization: "organization", government: "government", media: "media",
    group: "group", document: "document", unknown: "unknown kind",
  };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function button(className, label) {
    const node = el("button", className);
    node.type = "button";
    if (label !== undefined) node.textContent = label;
    return node;
  }

  function shorten(text, limit) {
    const flat = String(text || "").replace(/\s+/g, " ").trim();
    return flat.length > limit ? flat.slice(0, limit - 1).trimEnd() + "…" : flat;
  }

  // ---- names as a reader sees them ----------------------------------------------------------------------------
  // The twin of write/names.py (one rule; tests/write/test_write_names.py checks both answer alike on a table of
  // cases): an id of the analysis ("s1") or a generic credit ("media", "Russian media") is never shown as if it
  // were a name. Python's \w and \d are Unicode classes; the "u" flag and \p{...} say the same here.
  const UNNAMED = "unnamed source";
  const ID_LIKE = /^[a-z]\p{Nd}+$/iu;
  const caseless = (word) => word.replace(/[a-z]/g, (c) => "[" + c + c.toUpperCase() + "]");
  const [MEDIA, PRESS, NEWS, REPORT] = ["media", "press", "news", "report"].map(caseless);
  const GENERIC_CREDIT = new RegExp(
    "^(?:[Tt]he\\s+)?(?:(?:[a-z][\\p{L}\\p{N}_-]*|[A-Z][a-z]+(?:an|ese|ish|i|ch|ern))\\s+)?" +
    "(?:" + MEDIA + "|" + PRESS + "|" + NEWS + "(?:\\s+" + MEDIA + ")?|(?:" + MEDIA + "|" + PRESS + "|" + NEWS +
    ")\\s+" + REPORT + "[sS]?|" + REPORT + "[sS]?)$", "u");

  function isGenericCredit(name) {
    return GENERIC_CREDIT.test(String(name).trim());
  }

  function readerName(name, description) {
    for (const candidate of [name, description]) {
      const text = String(candidate || "").trim();
      if (text && !ID_LIKE.test(text) && !isGenericCredit(text)) return text;
    }
    const text = String(name || "").trim();
    if (text && isGenericCredit(text)) {
      const words = text.split(/\s+/u);
      return "unnamed " + (words[0].toLowerCase() === "the" ? words.slice(1) : words).join(" ");
    }
    return UNNAMED;
  }

  function percent(share) {
    return share === null || share === undefined ? "—" : Math.round(share * 100) + "%";
  }

  // Hues spread by the golden angle, so neighbouring sources never get similar colours however many there are.
  function hue(index) {
    return Math.round((index * 137.508 + 205) % 360);
  }

  function firstOffset(attribution) {
    const all = [].concat(attribution.source, attribution.cue, attribution.content);
    return all.length ? Math.min.apply(null, all.map((r) => r[0])) : 0;
  }

  function extent(attribution) {
    const all = [].concat(attribution.source, attribution.cue, attribution.content);
    if (!all.length) return 0;
    return Math.max.apply(null, all.map((r) => r[1])) - Math.min.apply(null, all.map((r) => r[0]));
  }

  /** Python counts offsets in code points, JavaScript strings in UTF-16 units, two for a character outside the
   * Basic Multilingual Plane (most emoji): without converting, each emoji shifts every later highlight by one.
   * The map from the first to the second, built once per text (the identity for a text without such a
   * character). */
  function codeUnits(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
    const units = [];
    let unit = 0;
    for (const char of text) {
      units.push(unit);
      unit += char.length;
    }
    units.push(unit);
    return (offset) => units[Math.max(0, Math.min(units.length - 1, offset))];
  }

  /** The analysis with every offset in UTF-16 units of its text, converted once before anything is drawn. */
  function inCodeUnits(analysis) {
    const at = codeUnits(analysis.text || "");
    const ranges = (list) => (list || []).map((range) => [at(range[0]), at(range[1])]);
    const time = (t) => (t ? Object.assign({}, t, { start: at(t.start), end: at(t.end) }) : t);
    return Object.assign({}, analysis, {
      attributions: (analysis.attributions || []).map((a) => Object.assign({}, a, {
        source: ranges(a.source), cue: ranges(a.cue), content: ranges(a.content), time: time(a.time),
      })),
      sources: (analysis.sources || []).map((s) => Object.assign({}, s, { mentions: (s.mentions || []).map(ranges) })),
      provenance: (analysis.provenance || []).map((p) => Object.assign({}, p, { spans: ranges(p.spans) })),
    });
  }

  /** Everything the view looks up: attributions and sources by id, colours, parent chains, upstream reports. */
  function buildModel(given) {
    const analysis = inCodeUnits(given);
    const attributions = analysis.attributions || [];
    const sources = analysis.sources || [];
    const provenance = analysis.provenance || [];
    const byId = new Map(attributions.map((a) => [a.id, a]));
    const sourceById = new Map(sources.map((s) => [s.id, s]));
    const colourKey = (a) => (a.source_id !== null && a.source_id !== undefined ? "s:" + a.source_id : "a:" + a.id);
    // One colour per source, handed out in reading order; an attribution without a source gets its own.
    const hues = new Map();
    const ordered = attributions.slice().sort((x, y) => firstOffset(x) - firstOffset(y));
    for (const a of ordered) if (!hues.has(colourKey(a))) hues.set(colourKey(a), hue(hues.size));
    for (const s of sources) if (!hues.has("s:" + s.id)) hues.set("s:" + s.id, hue(hues.size));
    const children = new Map();
    for (const a of attributions) {
      if (a.parent && byId.has(a.parent)) {
        if (!children.has(a.parent)) children.set(a.parent, []);
        children.get(a.parent).push(a.id);
      }
    }
    const upstream = new Map();
    provenance.forEach((p, index) => {
      for (const id of p.attribution_ids || []) {
        if (!upstream.has(id)) upstream.set(id, []);
        upstream.get(id).push(index);
      }
    });
    const statements = new Map();
    for (const a of attributions) {
      if (a.source_id === null || a.source_id === undefined) continue;
      if (!statements.has(a.source_id)) statements.set(a.source_id, []);
      statements.get(a.source_id).push(a.id);
    }
    return {
      analysis, attributions, sources, provenance, byId, sourceById, children, upstream, statements,
      hueOf: (a) => hues.get(colourKey(a)),
      sourceHue: (id) => hues.get("s:" + id),
      extentOf: new Map(attributions.map((a) => [a.id, extent(a)])),
      // Parents from the outermost down; a cycle in bad data stops the walk instead of hanging the page.
      ancestors(id) {
        const chain = [];
        const seen = new Set([id]);
        let current = byId.get(id);
        while (current && current.parent && byId.has(current.parent) && !seen.has(current.parent)) {
          seen.add(current.parent);
          current = byId.get(current.parent);
          chain.unshift(current.id);
        }
        return chain;
      },
    };
  }

  /** Every highlighted range of the text, as marks the sweep below turns into non-overlapping segments. */
  function collectMarks(model, length) {
    const marks = [];
    const push = (range, mark) => {
      const start = Math.max(0, Math.min(length, range[0]));
      const end = Math.max(0, Math.min(length, range[1]));
      if (end > start) marks.push(Object.assign({ start, end }, mark));
    };
    for (const a of model.attributions) {
      for (const role of ["source", "cue", "content"]) for (const r of a[role] || []) push(r, { kind: role, id: a.id });
      if (a.time && a.time.end > a.time.start) push([a.time.start, a.time.end], { kind: "time", id: a.id });
    }
    model.provenance.forEach((p, index) => { for (const r of p.spans || []) push(r, { kind: "prov", index }); });
    for (const s of model.sources) {
      for (const mention of s.mentions || []) for (const r of mention) push(r, { kind: "mention", source: s.id });
    }
    return marks;
  }

  function describe(model, a) {
    const who = a.source_text || sourceName(model, a) || "unknown source";
    return who + " — " + (a.cue_text || "no cue") + " (" + a.type + ")";
  }

  function sourceName(model, a) {
    const s = a.source_id !== null && a.source_id !== undefined ? model.sourceById.get(a.source_id) : null;
    return s ? readerName(s.name, s.description) : null;
  }

  function flagsOf(a) {
    return Object.keys(FLAG_LABELS).filter((flag) => a[flag]).map((flag) => FLAG_LABELS[flag]);
  }

  /** The article as paragraphs of segments; each segment knows which attributions cover it. */
  function renderText(model, text, registry) {
    const article = el("div", "at-text");
    article.setAttribute("aria-label", "Article text with attributions highlighted");
    const marks = collectMarks(model, text.length);
    const points = new Set([0, text.length]);
    for (const m of marks) { points.add(m.start); points.add(m.end); }
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) { points.add(i); points.add(i + 1); }
    const sorted = Array.from(points).sort((x, y) => x - y);
    const starts = marks.slice().sort((x, y) => x.start - y.start);
    let next = 0;
    let active = [];
    let paragraph = el("p");
    article.appendChild(paragraph);
    for (let i = 0; i + 1 < sorted.length; i += 1) {
      const from = sorted[i];
      const to = sorted[i + 1];
      active = active.filter((m) => m.end > from);
      while (next < starts.length && starts[next].start <= from) {
        if (starts[next].end > from) active.push(starts[next]);
        next += 1;
      }
      const piece = text.slice(from, to);
      if (piece === "\n") {
        paragraph = el("p");
        article.appendChild(paragraph);
        continue;
      }
      if (!active.length) {
        paragraph.appendChild(document.createTextNode(piece));
        continue;
      }
      paragraph.appendChild(segment(model, piece, active, to, registry));
    }
    return article;
  }

  function segment(model, piece, active, end, registry) {
    const span = el("span", "at-seg", piece);
    const roles = active.filter((m) => m.kind in ROLE_RANK);
    const ids = Array.from(new Set(roles.map((m) => m.id)));
    const titles = [];
    let primary = null;
    for (const m of roles) {
      if (!primary || ROLE_RANK[m.kind] > ROLE_RANK[primary.kind] ||
          (ROLE_RANK[m.kind] === ROLE_RANK[primary.kind] && model.extentOf.get(m.id) < model.extentOf.get(primary.id))) {
        primary = m;
      }
    }
    if (primary) {
      const a = model.byId.get(primary.id);
      span.classList.add("at-" + primary.kind);
      span.style.setProperty("--h", model.hueOf(a));
      span.dataset.id = a.id;
      titles.push(describe(model, a));
      // Nested content keeps a thin line in its parent's colour, so the reader sees both layers.
      const outer = roles.filter((m) => m.kind === "content" && m.id !== a.id);
      if (outer.length) {
        span.classList.add("at-nested");
        outer.sort((x, y) => model.extentOf.get(y.id) - model.extentOf.get(x.id));
        span.style.setProperty("--outer-h", model.hueOf(model.byId.get(outer[0].id)));
      }
      if (!registry.focusTarget.has(a.id)) {
        registry.focusTarget.set(a.id, span);
        span.tabIndex = 0;
        span.setAttribute("role", "button");
        span.setAttribute("aria-label", "Attribution " + a.id + ": " + describe(model, a));
      }
      if (primary.kind === "cue" && a.cue.length && a.cue[a.cue.length - 1][1] === end && flagsOf(a).length) {
        span.dataset.flags = flagsOf(a).join(" · ");
        span.classList.add("at-flagged");
      }
    } else {
      const mention = active.find((m) => m.kind === "mention");
      if (mention) {
        span.classList.add("at-mention");
        span.style.setProperty("--h", model.sourceHue(mention.source));
        const s = model.sourceById.get(mention.source);
        titles.push("Mention of " + readerName(s.name, s.description));
      }
    }
    for (const m of active) {
      if (m.kind === "time") {
        span.classList.add("at-time");
        const a = model.byId.get(m.id);
        titles.push("When: " + a.time.text + (a.time.value ? " = " + a.time.value : ""));
      } else if (m.kind === "prov") {
        span.classList.add("at-prov");
        titles.push("Upstream report: " + readerName(model.provenance[m.index].name));
      }
    }
    if (titles.length) span.title = Array.from(new Set(titles)).join("\n");
    registry.segments.push({ node: span, ids, provenance: active.filter((m) => m.kind === "prov").map((m) => m.index) });
    return span;
  }

  function badge(text, className) {
    return el("span", "at-badge" + (className ? " " + className : ""), text);
  }

  function swatch(h) {
    const node = el("span", "at-swatch");
    node.setAttribute("aria-hidden", "true");
    if (h !== undefined) node.style.setProperty("--h", h);
    return node;
  }

  function renderHeader(analysis) {
    const meta = analysis.article || {};
    const header = el("header", "at-head");
    header.appendChild(el("h1", "at-title", meta.title || firstLine(analysis.text) || "Article"));
    const facts = [meta.outlet, meta.published ? "published " + meta.published : null, meta.id ? "id " + meta.id : null]
      .filter(Boolean);
    if (facts.length) header.appendChild(el("p", "at-meta", facts.join(" · ")));
    if (meta.url) {
      // Shown as text, not a link: the report must not send its reader anywhere on its own.
      const url = el("p", "at-meta at-url", meta.url);
      header.appendChild(url);
    }
    return header;
  }

  function firstLine(text) {
    const line = String(text || "").split("\n").find((l) => l.trim());
    return line ? shorten(line, 120) : "";
  }

  function tile(label, value, detail) {
    const node = el("div", "at-tile");
    node.appendChild(el("div", "at-tile-value", value));
    node.appendChild(el("div", "at-tile-label", label));
    if (detail) node.appendChild(el("div", "at-tile-detail", detail));
    return node;
  }

  function renderSummary(model) {
    const summary = model.analysis.summary || {};
    const section = el("section", "at-summary");
    section.setAttribute("aria-label", "Summary");
    const byType = summary.by_type || {};
    const types = ["direct", "indirect", "mixed"].filter((t) => byType[t]).map((t) => byType[t] + " " + t);
    const count = summary.attributions !== undefined ? summary.attributions : model.attributions.length;
    section.appendChild(tile("attributions", count, types.join(" · ")));
    section.appendChild(tile("attributed anonymously", percent(summary.anonymous_share)));
    section.appendChild(tile("named sources", summary.named_sources || 0,
      (summary.anonymous_sources || 0) + " anonymous"));
    const kinds = el("div", "at-tile at-kinds");
    const byKind = Object.entries(summary.by_source_kind || {}).sort((x, y) => y[1] - x[1]);
    const top = byKind.length ? byKind[0][1] : 0;
    for (const [kind, n] of byKind) {
      const row = el("div", "at-kind-row");
      row.appendChild(el("span", "at-kind-name", KIND_LABELS[kind] || kind));
      const bar = el("span", "at-bar");
      bar.style.setProperty("--w", top ? (n / top).toFixed(3) : 0);
      row.appendChild(bar);
      row.appendChild(el("span", "at-kind-n", n));
      kinds.appendChild(row);
    }
    if (!byKind.length) kinds.appendChild(el("div", "at-tile-detail", "no source kinds yet"));
    kinds.appendChild(el("div", "at-tile-label", "attributions by source kind"));
    section.appendChild(kinds);
    const upstream = el("div", "at-tile at-upstream");
    const names = summary.upstream && summary.upstream.length ? summary.upstream : model.provenance.map((p) => p.name);
    const chips = el("div", "at-chips");
    for (const name of names) chips.appendChild(badge(readerName(name), "at-prov-chip"));
    if (!names.length) chips.appendChild(el("span", "at-tile-detail", "none found"));
    upstream.appendChild(chips);
    upstream.appendChild(el("div", "at-tile-label", "upstream reports"));
    section.appendChild(upstream);
    return section;
  }

  function renderLegend() {
    const legend = el("div", "at-legend");
    legend.setAttribute("aria-label", "Legend");
    const items = [["at-source", "source"], ["at-cue", "cue"], ["at-content", "content"], ["at-time", "date"],
      ["at-prov", "upstream report"]];
    for (const [cls, label] of items) {
      const sample = el("span", "at-seg " + cls, label);
      sample.style.setProperty("--h", 205);
      legend.appendChild(sample);
    }
    legend.appendChild(el("span", "at-legend-hint", "Click or press Enter on a highlight to see its chain; Esc clears."));
    return legend;
  }

  function sourceCard(model, s) {
    const card = button("at-item at-source-item");
    card.dataset.source = s.id;
    const line = el("span", "at-item-line");
    line.appendChild(swatch(model.sourceHue(s.id)));
    line.appendChild(el("span", "at-item-name", readerName(s.name, s.description)));
    card.appendChild(line);
    const badges = el("span", "at-badges");
    badges.appendChild(badge(KIND_LABELS[s.kind] || s.kind));
    badges.appendChild(badge(s.named ? "named" : "anonymous", s.named ? "at-named" : "at-anon"));
    const n = (model.statements.get(s.id) || []).length;
    badges.appendChild(badge(n + (n === 1 ? " statement" : " statements")));
    card.appendChild(badges);
    for (const line of sourceFacts(s)) card.appendChild(el("span", "at-item-text", line));
    return card;
  }

  function sourceFacts(s) {
    const facts = [];
    if (s.description && s.description !== s.name) facts.push(s.description);
    if (s.count !== null && s.count !== undefined) facts.push("count: " + s.count);
    if (s.qualifiers && s.qualifiers.length) facts.push("qualifiers: " + s.qualifiers.join(", "));
    if (s.affiliation) facts.push("affiliation: " + s.affiliation);
    if (s.role) facts.push("role: " + s.role + (s.role_of ? " of " + s.role_of : ""));
    return facts;
  }

  function attributionCard(model, a) {
    const card = button("at-item at-attr-item");
    card.dataset.id = a.id;
    const line = el("span", "at-item-line");
    line.appendChild(swatch(model.hueOf(a)));
    line.appendChild(el("span", "at-item-name", a.source_text || sourceName(model, a) || "(no source named)"));
    line.appendChild(el("span", "at-item-cue", a.cue_text));
    card.appendChild(line);
    card.appendChild(el("span", "at-item-text", shorten(a.content_text, 150)));
    const badges = el("span", "at-badges");
    badges.appendChild(badge(a.type));
    for (const flag of flagsOf(a)) badges.appendChild(badge(flag, "at-flag-" + flag));
    if (a.time) badges.appendChild(badge(a.time.value || a.time.text, "at-when"));
    if (a.parent) badges.appendChild(badge("within " + a.parent, "at-within"));
    for (const index of model.upstream.get(a.id) || []) badges.appendChild(badge("via " + readerName(model.provenance[index].name), "at-prov-chip"));
    if (a.confidence !== undefined) badges.appendChild(badge(percent(a.confidence) + " likely right", "at-confidence"));
    if (a.speaker_confidence !== undefined && a.speaker_confidence !== null) badges.appendChild(badge(percent(a.speaker_confidence) + " right speaker", "at-confidence"));
    badges.appendChild(badge(a.id, "at-id"));
    card.appendChild(badges);
    return card;
  }

  function field(list, label, value, className) {
    if (value === null || value === undefined || value === "") return;
    list.appendChild(el("dt", null, label));
    const dd = el("dd", className);
    if (value instanceof Node) dd.appendChild(value); else dd.textContent = String(value);
    list.appendChild(dd);
  }

  const EMPTY_DETAIL = "Select a highlight, a source or an attribution to see who said it, according to whom, how and when.";

  function render(container, analysis) {
    const model = buildModel(analysis);
    const registry = { segments: [], focusTarget: new Map() };
    while (container.firstChild) container.removeChild(container.firstChild);
    const root = el("div", "at-report");
    root.appendChild(renderHeader(analysis));
    root.appendChild(renderSummary(model));
    root.appendChild(renderLegend());
    const body = el("div", "at-body");
    const main = el("main", "at-main");
    if (!model.attributions.length) main.appendChild(el("p", "at-empty", "No attributions were found in this text."));
    main.appendChild(renderText(model, analysis.text || "", registry));
    body.appendChild(main);
    const side = el("aside", "at-side");
    const detail = el("section", "at-detail");
    detail.setAttribute("aria-live", "polite");
    detail.appendChild(el("p", "at-hint", EMPTY_DETAIL));
    side.appendChild(detail);
    const sourcesBox = el("section", "at-sources");
    sourcesBox.appendChild(el("h2", null, "Sources (" + model.sources.length + ")"));
    if (!model.sources.length) sourcesBox.appendChild(el("p", "at-hint", "No source profiles in this analysis."));
    for (const s of model.sources) sourcesBox.appendChild(sourceCard(model, s));
    side.appendChild(sourcesBox);
    const list = el("section", "at-attributions");
    list.appendChild(el("h2", null, "Attributions (" + model.attributions.length + ")"));
    for (const a of model.attributions) list.appendChild(attributionCard(model, a));
    side.appendChild(list);
    body.appendChild(side);
    root.appendChild(body);
    container.appendChild(root);

    const segmentsOf = new Map();
    for (const seg of registry.segments) {
      for (const id of seg.ids) {
        if (!segmentsOf.has(id)) segmentsOf.set(id, []);
        segmentsOf.get(id).push(seg.node);
      }
    }

    function clearMarks() {
      root.classList.remove("at-has-selection");
      for (const node of root.querySelectorAll(".at-sel, .at-chain, .at-active")) {
        node.classList.remove("at-sel", "at-chain", "at-active");
      }
      for (const node of root.querySelectorAll("[aria-pressed]")) node.setAttribute("aria-pressed", "false");
    }

    function mark(ids, className) {
      for (const id of ids) for (const node of segmentsOf.get(id) || []) node.classList.add(className);
    }

    function activate(selector) {
      for (const node of root.querySelectorAll(selector)) {
        node.classList.add("at-active");
        node.setAttribute("aria-pressed", "true");
      }
    }

    function chainButton(a) {
      const item = button("at-chain-item");
      item.dataset.id = a.id;
      item.appendChild(swatch(model.hueOf(a)));
      item.appendChild(el("span", null, (a.source_text || sourceName(model, a) || "unknown source") + " " + a.cue_text));
      return item;
    }

    function showAttribution(id) {
      const a = model.byId.get(id);
      if (!a) return;
      clearMarks();
      root.classList.add("at-has-selection");
      const ancestors = model.ancestors(id);
      mark([id], "at-sel");
      mark(ancestors, "at-chain");
      const upstream = new Set();
      for (const aid of ancestors.concat([id])) for (const index of model.upstream.get(aid) || []) upstream.add(index);
      for (const seg of registry.segments) {
        if (seg.provenance.some((index) => upstream.has(index))) seg.node.classList.add("at-chain");
      }
      activate('.at-attr-item[data-id="' + CSS.escape(id) + '"]');
      if (a.source_id) activate('.at-source-item[data-source="' + CSS.escape(a.source_id) + '"]');

      while (detail.firstChild) detail.removeChild(detail.firstChild);
      const head = el("h2", null, "Attribution " + a.id);
      head.appendChild(badge(a.type));
      for (const flag of flagsOf(a)) head.appendChild(badge(flag, "at-flag-" + flag));
      detail.appendChild(head);
      const chain = el("ol", "at-chain-list");
      chain.setAttribute("aria-label", "According to whom: the chain from the outermost report to this statement");
      if (upstream.size) {
        // Several upstream reports are alternatives side by side ("media", "the NYT"), not a chain of their own.
        const li = el("li", "at-badges");
        li.appendChild(el("span", "at-hint", "upstream:"));
        for (const index of upstream) li.appendChild(badge(readerName(model.provenance[index].name), "at-prov-chip"));
        chain.appendChild(li);
      }
      for (const aid of ancestors.concat([id])) {
        const li = el("li");
        li.appendChild(chainButton(model.byId.get(aid)));
        chain.appendChild(li);
      }
      detail.appendChild(chain);
      const facts = el("dl", "at-facts");
      const s = a.source_id ? model.sourceById.get(a.source_id) : null;
      field(facts, "Who", a.source_text || (s ? readerName(s.name, s.description) : "not named in the text"));
      if (s) field(facts, "Source", readerName(s.name, s.description) + " · " + (KIND_LABELS[s.kind] || s.kind) + " · " + (s.named ? "named" : "anonymous"));
      field(facts, "How", a.cue_text + (a.cue_class ? " (" + a.cue_class + ")" : ""));
      field(facts, "What", a.content_text, "at-quote");
      if (a.confidence !== undefined) field(facts, "Confidence", percent(a.confidence) + " likely right (the model's calibrated probability)");
      if (a.speaker_confidence !== undefined && a.speaker_confidence !== null) field(facts, "Speaker confidence", percent(a.speaker_confidence) + " likely the right speaker (the model's calibrated probability that the source shown is who the article means)");
      if (a.time) field(facts, "When", a.time.text + (a.time.value ? " → " + a.time.value : " (not normalized)"));
      detail.appendChild(facts);
      const kids = model.children.get(id) || [];
      if (kids.length) {
        detail.appendChild(el("h3", null, "Statements reported within it"));
        const nested = el("ul", "at-chain-list");
        for (const kid of kids) { const li = el("li"); li.appendChild(chainButton(model.byId.get(kid))); nested.appendChild(li); }
        detail.appendChild(nested);
      }
      const first = (segmentsOf.get(id) || [])[0];
      if (first && first.scrollIntoView) first.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }

    function showSource(sourceId) {
      const s = model.sourceById.get(sourceId);
      if (!s) return;
      clearMarks();
      root.classList.add("at-has-selection");
      const ids = model.statements.get(sourceId) || [];
      mark(ids, "at-sel");
      activate('.at-source-item[data-source="' + CSS.escape(sourceId) + '"]');
      while (detail.firstChild) detail.removeChild(detail.firstChild);
      const head = el("h2", null, readerName(s.name, s.description));
      head.appendChild(badge(KIND_LABELS[s.kind] || s.kind));
      head.appendChild(badge(s.named ? "named" : "anonymous", s.named ? "at-named" : "at-anon"));
      detail.appendChild(head);
      const facts = el("dl", "at-facts");
      field(facts, "Described as", s.description);
      field(facts, "How many", s.count);
      field(facts, "Qualifiers", (s.qualifiers || []).join(", "));
      field(facts, "Affiliation", s.affiliation);
      field(facts, "Role", s.role ? s.role + (s.role_of ? " of " + s.role_of : "") : null);
      field(facts, "Mentions", (s.mentions || []).length || null);
      detail.appendChild(facts);
      detail.appendChild(el("h3", null, ids.length + (ids.length === 1 ? " statement" : " statements")));
      const list = el("ul", "at-chain-list");
      for (const id of ids) { const li = el("li"); li.appendChild(chainButton(model.byId.get(id))); list.appendChild(li); }
      detail.appendChild(list);
    }

    function clear() {
      clearMarks();
      while (detail.firstChild) detail.removeChild(detail.firstChild);
      detail.appendChild(el("p", "at-hint", EMPTY_DETAIL));
    }

    function hover(id, on) {
      for (const node of segmentsOf.get(id) || []) node.classList.toggle("at-hover", on);
    }

    function targetOf(event) {
      const node = event.target instanceof Element ? event.target.closest("[data-id], [data-source]") : null;
      return node && root.contains(node) ? node : null;
    }

    function act(node) {
      if (node.dataset.source !== undefined) showSource(node.dataset.source);
      else showAttribution(node.dataset.id);
    }

    root.addEventListener("click", (event) => { const node = targetOf(event); if (node) act(node); });
    root.addEventListener("keydown", (event) => {
      if (event.key === "Escape") { clear(); return; }
      const node = targetOf(event);
      // Buttons activate on Enter/Space by themselves; the highlighted text spans need it done here.
      if (node && node.tagName !== "BUTTON" && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        act(node);
      }
    });
    root.addEventListener("mouseover", (event) => { const node = targetOf(event); if (node && node.dataset.id) hover(node.dataset.id, true); });
    root.addEventListener("mouseout", (event) => { const node = targetOf(event); if (node && node.dataset.id) hover(node.dataset.id, false); });

    return { select: showAttribution, selectSource: showSource, clear, root };
  }

  /** The self-contained report carries its analysis as JSON in a script element of type application/json. */
  function renderEmbedded() {
    const data = document.getElementById("accordingto-data");
    const target = document.getElementById("accordingto-report");
    if (!data || !target) return;
    global.accordingtoView = render(target, JSON.parse(data.textContent));
  }

  // ``el`` is shared with the web page's script, so it builds its DOM the same safe way.
  global.AccordingTo = { render, el, percent, codeUnits, readerName };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", renderEmbedded);
  else renderEmbedded();
})(window);
