/* The web page: analyse an article (POST /analyze, drawn by the shared renderer report.js) and, with a store,
 * the analyst's workbench over the corpus.
 *
 * Every view's state lives in the URL (/?view=source&key=...&outlet=nyt): links are real links, a click pushes
 * the new URL and `show()` draws the view the URL names, so reload, back and forward give the same view. A view
 * is one entry in `VIEWS` (its tab and a render function); `STATEMENT_LINKS` adds links to every statement (its
 * article, its trail: /?view=trail&id=ARTICLE&key=ATTRIBUTION).
 * Everything from the server reaches the DOM through textContent / setAttribute only, never as HTML. */
(function () {
  "use strict";

  const { render, el, percent, codeUnits } = window.AccordingTo;
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const PALETTE = ["#1a56db", "#d08a00", "#0e9f6e", "#c81e1e", "#7e3af2", "#0694a2", "#9f580a", "#e74694"];
  const STATE_NAMES = ["view", "q", "key", "id"];

  // ---- talking to the service ------------------------------------------------------------------------------
  async function getJSON(url, options) {
    const response = await fetch(url, options);
    let data = null;
    try { data = await response.json(); } catch (_) { data = null; }
    if (!response.ok) {
      const detail = data && typeof data.detail === "string" ? data.detail : response.status + " " + response.statusText;
      throw new Error(detail);
    }
    return data;
  }

  function setStatus(node, message, isError) {
    node.textContent = message;
    node.classList.toggle("pg-error", Boolean(isError));
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function plural(count, word) { return count + " " + word + (count === 1 ? "" : "s"); }

  // ---- URL state: read in one place, written in one place ---------------------------------------------------
  let filterSpecs = [];  // GET /filters: the filters every list takes
  let hasStore = false;

  function readState() {
    const params = new URLSearchParams(location.search);
    const state = { view: params.get("view") || "analyze", q: "", key: "", id: "", filters: [] };
    for (const name of STATE_NAMES.slice(1)) state[name] = params.get(name) || "";
    const known = new Set(filterSpecs.map((spec) => spec.name));
    for (const [name, value] of params) if (known.has(name) && value) state.filters.push([name, value]);
    return state;
  }

  function urlOf(state) {
    const params = new URLSearchParams();
    params.set("view", state.view);
    for (const name of STATE_NAMES.slice(1)) if (state[name]) params.set(name, state[name]);
    for (const [name, value] of state.filters || []) params.append(name, value);
    return "/?" + params.toString();
  }

  function linkTo(patch, text, className) {
    const state = Object.assign(readState(), { q: "", key: "", id: "" }, patch);
    const link = el("a", className || "pg-link", text);
    link.href = urlOf(state);
    return link;
  }

  function go(url) {
    history.pushState(null, "", url);
    show();
  }

  // Same-page links (/?...) change the view without reloading; new tabs and modified clicks work as links do.
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[href^='/?']");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    go(link.getAttribute("href"));
  });
  window.addEventListener("popstate", () => show());

  // The parameters of an API call: the view's filters plus its own.
  function apiParams(state, extra) {
    const params = new URLSearchParams();
    for (const [name, value] of state.filters) params.append(name, value);
    for (const [name, value] of Object.entries(extra || {})) if (value) params.set(name, value);
    return params;
  }

  // ---- the views -----------------------------------------------------------------------------------------
  const VIEWS = {
    analyze: { tab: "analyze", corpus: false, render: () => {} },
    article: { tab: "analyze", corpus: false, render: showArticle },
    corpus: { tab: "corpus", corpus: true, render: showOverview },
    search: { tab: null, corpus: true, render: showSearch },
    source: { tab: "corpus", corpus: true, render: showSource },
    statements: { tab: "statements", corpus: true, render: showStatements },
    outlets: { tab: "outlets", corpus: true, render: showOutlets },
    upstream: { tab: "upstream", corpus: true, render: showUpstream },
    trail: { tab: null, corpus: true, render: showTrail },
  };
  let drawing = 0;  // the render in progress: an older one that finishes late draws nothing

  async function show() {
    const state = readState();
    const view = VIEWS[state.view] && (hasStore || !VIEWS[state.view].corpus) ? VIEWS[state.view] : VIEWS.analyze;
    $("analyze-view").hidden = view.corpus;
    $("corpus-view").hidden = !view.corpus;
    for (const tab of document.querySelectorAll(".pg-tabs .pg-tab")) {
      if (tab.dataset.view === view.tab) tab.setAttribute("aria-current", "page");
      else tab.removeAttribute("aria-current");
    }
    $("search-box").value = state.q;
    const token = ++drawing;
    const started = performance.now();
    if (view.corpus) {
      fillFilters(state);
      const box = $("view");
      clear(box);
      setStatus($("corpus-status"), "", false);
      await view.render(state, box, () => token === drawing);
    } else {
      await view.render(state, $("result"), () => token === drawing);
    }
    // When the view is fully drawn (every request answered), and how long that took: for tests and the benchmark.
    if (token === drawing) {
      document.body.dataset.drawMs = (performance.now() - started).toFixed(1);
      document.body.dataset.drawn = String(token);
    }
  }

  // ---- filters: a form built from GET /filters, filled from the URL, submitted into the URL -------------------
  const BOOLEAN_WORDS = {
    named: ["named only", "anonymous only"],
    denial: ["denials only", "no denials"],
    hedged: ["hedged only", "not hedged"],
    hypothetical: ["hypothetical only", "not hypothetical"],
  };

  function buildFilters(specs, outlets) {
    const form = $("corpus-filters");
    const before = form.querySelector("button[type=submit]");
    for (const spec of specs) {
      const label = el("label", "pg-filter", spec.name.replace("_", " ") + " ");
      label.title = spec.help;
      let field;
      if (spec.name === "outlet") {
        field = el("select");
        field.multiple = true;
        field.size = Math.min(4, Math.max(2, outlets.length));
        for (const outlet of outlets) {
          const option = el("option", null, outlet.outlet + " (" + outlet.articles + ")");
          option.value = outlet.outlet;
          field.appendChild(option);
        }
      } else if (spec.input === "choice" || spec.input === "boolean") {
        field = el("select");
        field.appendChild(el("option", null, "any")).value = "";
        const choices = spec.input === "boolean" ? ["true", "false"] : spec.choices;
        const words = BOOLEAN_WORDS[spec.name] || ["yes", "no"];
        choices.forEach((choice, index) => {
          const option = el("option", null, spec.input === "boolean" ? words[index] : choice);
          option.value = choice;
          field.appendChild(option);
        });
      } else {
        field = el("input");
        field.type = spec.input === "date" ? "date" : spec.input === "number" ? "number" : "text";
        if (spec.input === "number") field.step = "any";
      }
      field.id = "filter-" + spec.name.replace("_", "-");
      field.name = spec.name;
      label.appendChild(field);
      form.insertBefore(label, before);
    }
  }

  function fillFilters(state) {
    for (const spec of filterSpecs) {
      const field = $("filter-" + spec.name.replace("_", "-"));
      const values = state.filters.filter(([name]) => name === spec.name).map(([, value]) => value.toLowerCase());
      if (field.multiple) {
        for (const option of field.options) option.selected = values.includes(option.value.toLowerCase());
      } else {
        const value = state.filters.filter(([name]) => name === spec.name).map(([, v]) => v).pop() || "";
        field.value = field.tagName === "SELECT" ? value.toLowerCase() : value;
      }
    }
  }

  function formFilters() {
    const pairs = [];
    for (const spec of filterSpecs) {
      const field = $("filter-" + spec.name.replace("_", "-"));
      if (field.multiple) {
        for (const option of field.selectedOptions) pairs.push([spec.name, option.value]);
      } else if (field.value.trim()) {
        pairs.push([spec.name, field.value.trim()]);
      }
    }
    return pairs;
  }

  $("corpus-filters").addEventListener("submit", (event) => {
    event.preventDefault();
    go(urlOf(Object.assign(readState(), { filters: formFilters() })));
  });
  $("filters-clear").addEventListener("click", () => go(urlOf(Object.assign(readState(), { filters: [] }))));
  $("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const q = $("search-box").value.trim();
    if (q) go(urlOf(Object.assign(readState(), { view: "search", q: q, key: "", id: "" })));
  });

  // ---- building blocks ---------------------------------------------------------------------------------------
  function card(box, title, className) {
    const section = el("section", "pg-card " + (className || ""));
    const head = el("div", "pg-card-head");
    head.appendChild(el("h2", null, title));
    section.appendChild(head);
    box.appendChild(section);
    return section;
  }

  function downloads(section, path, params) {
    const links = el("span", "pg-downloads");
    links.appendChild(document.createTextNode("Download "));
    for (const format of ["csv", "json"]) {
      const query = new URLSearchParams(params);
      query.set("format", format);
      const link = el("a", "pg-download", format.toUpperCase());
      link.href = path + "?" + query.toString();
      link.setAttribute("download", "");
      link.dataset.format = format;
      links.appendChild(link);
    }
    section.querySelector(".pg-card-head").appendChild(links);
  }

  // A list that pages: the first page, then "More" fetches the next with the cursor the last one gave.
  function pagedList(box, options) {
    const section = card(box, options.title, options.className);
    downloads(section, options.path, options.params);
    const list = el(options.ordered ? "ol" : "ul", "pg-list " + (options.listClass || ""));
    section.appendChild(list);
    const more = el("button", "pg-secondary pg-more", "More");
    more.type = "button";
    more.hidden = true;
    section.appendChild(more);
    let cursor = null;
    let shown = 0;
    async function load(live) {
      const params = new URLSearchParams(options.params);
      params.set("limit", String(options.limit || 50));
      if (cursor) params.set("cursor", cursor);
      more.disabled = true;
      try {
        const page = await getJSON(options.path + "?" + params.toString());
        if (!live()) return;
        for (const item of page.items) list.appendChild(options.row(item, shown++));
        if (!shown) list.appendChild(el("li", "pg-hint", options.empty));
        cursor = page.next;
        more.hidden = !cursor;
      } catch (error) {
        section.appendChild(el("p", "pg-error", "Could not load: " + error.message));
      } finally {
        more.disabled = false;
      }
    }
    more.addEventListener("click", () => load(() => true));
    return { section, list, load };
  }

  function marked(text, ranges) {
    const fragment = document.createDocumentFragment();
    const unit = codeUnits(text);  // the ranges count code points (Python), the string UTF-16 units
    let at = 0;
    for (const [start, end] of (ranges || []).map(([from, to]) => [unit(from), unit(to)])) {
      if (start < at || end > text.length) continue;
      fragment.appendChild(document.createTextNode(text.slice(at, start)));
      fragment.appendChild(el("mark", null, text.slice(start, end)));
      at = end;
    }
    fragment.appendChild(document.createTextNode(text.slice(at)));
    return fragment;
  }

  // Links every statement carries: its article, and its trail across the corpus (the trail view).
  const STATEMENT_LINKS = [
    (s) => linkTo({ view: "article", id: s.article_id }, "article", "pg-link pg-article-link"),
    (s) => linkTo({ view: "trail", id: s.article_id, key: s.attribution_id }, "trail", "pg-link pg-trail-link"),
  ];

  function statementItem(s) {
    const item = el("li", "pg-statement");
    item.dataset.statement = s.article_id + "#" + s.attribution_id;
    item.appendChild(el("div", "pg-when", s.published || "undated"));
    const body = el("div", "pg-what");
    body.appendChild(el("div", "pg-count", [s.outlet, s.title || s.article_id].filter(Boolean).join(" · ")));
    const said = el("p", "pg-said");
    const who = s.source_key ? linkTo({ view: "source", key: s.source_key }, s.source_name, "pg-link pg-who")
      : el("strong", "pg-who", s.source_name);
    said.appendChild(who);
    said.appendChild(el("span", "pg-cue", " " + s.cue_text + ": "));
    const content = el("span", "pg-content");
    content.appendChild(marked(s.content_text, s.highlights));
    said.appendChild(content);
    body.appendChild(said);
    const badges = el("div", "at-badges");
    badges.appendChild(el("span", "at-badge", s.type));
    if (s.source_named === false) badges.appendChild(el("span", "at-badge at-anon", "anonymous"));
    if (s.cue_class) badges.appendChild(el("span", "at-badge", s.cue_class));
    for (const flag of ["denial", "hedged", "negated", "hypothetical"]) if (s[flag]) badges.appendChild(el("span", "at-badge at-flag-" + flag, flag));
    if (s.time_value) badges.appendChild(el("span", "at-badge at-when", "about " + s.time_value));
    if (s.confidence !== null && s.confidence !== undefined) {
      const sure = el("span", "at-badge at-confidence", percent(s.confidence) + " likely right");
      sure.title = "The model's calibrated probability that this attribution is right";
      badges.appendChild(sure);
    }
    if (s.speaker_confidence !== null && s.speaker_confidence !== undefined) {
      const who = el("span", "at-badge at-confidence", percent(s.speaker_confidence) + " right speaker");
      who.title = "The model's calibrated probability that the source shown is who the article means";
      badges.appendChild(who);
    }
    for (const make of STATEMENT_LINKS) badges.appendChild(make(s));
    body.appendChild(badges);
    item.appendChild(body);
    return item;
  }

  function sourceItem(s, index, top) {
    const item = el("li");
    const link = linkTo({ view: "source", key: s.key }, "", "pg-source");
    link.appendChild(el("span", "pg-source-name", s.name));
    const tag = s.named === false ? "anonymous" : s.named ? "named" : "";
    if (tag) link.appendChild(el("span", "at-badge " + (s.named ? "at-named" : "at-anon"), tag));
    if (s.kind) link.appendChild(el("span", "at-badge", s.kind));
    const bar = el("span", "pg-source-bar");
    bar.style.setProperty("--w", Math.min(1, s.attributions / Math.max(1, top())).toFixed(3));
    link.appendChild(bar);
    link.appendChild(el("span", "pg-count", s.attributions + " in " + plural(s.articles, "article")));
    item.appendChild(link);
    return item;
  }

  function sourcesList(box, state, extra, title) {
    let top = 0;
    return pagedList(box, {
      title: title, path: "/sources", params: apiParams(state, extra), limit: 20, ordered: true, className: "pg-sources",
      empty: "No sources match.", listClass: "pg-source-list",
      row: (s) => { top = top || s.attributions; return sourceItem(s, 0, () => top); },
    });
  }

  function statementsList(box, state, extra, title) {
    return pagedList(box, {
      title: title, path: "/statements", params: apiParams(state, extra), limit: 50, ordered: true,
      className: "pg-statements", listClass: "pg-timeline", empty: "No statements match.", row: statementItem,
    });
  }

  // ---- charts (SVG drawn here: no library) -------------------------------------------------------------------
  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  const CHART = { width: 900, height: 220, left: 44, right: 12, top: 12, bottom: 28 };

  function axes(chart, xLabels, yMax, yFormat) {
    const { width, height, left, right, top, bottom } = CHART;
    chart.appendChild(svg("line", { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, class: "pg-axis-line" }));
    chart.appendChild(svg("line", { x1: left, x2: left, y1: top, y2: height - bottom, class: "pg-axis-line" }));
    for (const fraction of [0, 0.5, 1]) {
      const y = height - bottom - fraction * (height - top - bottom);
      chart.appendChild(svg("text", { x: left - 6, y: y + 4, "text-anchor": "end", class: "pg-axis-text" }, yFormat(yMax * fraction)));
      if (fraction) chart.appendChild(svg("line", { x1: left, x2: width - right, y1: y, y2: y, class: "pg-grid-line" }));
    }
    // A label centred on a tick near either end of the axis would be cut by the chart's edge: it ends there.
    const inside = 36;
    for (const [x, label] of xLabels) {
      const anchor = x > width - right - inside ? "end" : x < left + inside ? "start" : "middle";
      chart.appendChild(svg("text", { x: x, y: height - 8, "text-anchor": anchor, class: "pg-axis-text" }, label));
    }
  }

  function weekTicks(weeks, xOf) {
    const ticks = [];
    const step = Math.max(1, Math.ceil(weeks.length / 8));
    weeks.forEach((week, index) => { if (index % step === 0) ticks.push([xOf(index), week]); });
    return ticks;
  }

  // Statements per week as bars.
  function weeklyBars(box, rows, caption) {
    const figure = el("figure", "pg-figure");
    if (!rows.length) { figure.appendChild(el("p", "pg-hint", "No dated statements.")); box.appendChild(figure); return; }
    const { width, height, left, right, top, bottom } = CHART;
    const chart = svg("svg", { viewBox: "0 0 " + width + " " + height, class: "pg-chart pg-chart-weeks", role: "img" });
    chart.appendChild(svg("title", {}, caption));
    const max = Math.max(1, ...rows.map((row) => row.statements));
    const sample = Math.max(1, ...rows.map((row) => row.sample || 1));
    const slot = (width - left - right) / rows.length;
    const xOf = (index) => left + slot * index + slot / 2;
    axes(chart, weekTicks(rows.map((row) => row.week), xOf), max,
      (value) => (Number.isInteger(value) ? String(value) : value.toFixed(1)));
    rows.forEach((row, index) => {
      const barHeight = (row.statements / max) * (height - top - bottom);
      const bar = svg("rect", {
        x: left + slot * index + slot * 0.12, y: height - bottom - barHeight, width: Math.max(1, slot * 0.76),
        height: barHeight, class: "pg-bar-week",
      });
      bar.appendChild(svg("title", {}, "week of " + row.week + ": " + (sample > 1 ? "about " : "") + row.statements + " statements"));
      chart.appendChild(bar);
    });
    figure.appendChild(chart);
    // What the bars show, in words (the card's title already names the chart).
    const total = rows.reduce((sum, row) => sum + row.statements, 0);
    const busiest = rows.reduce((best, row) => (row.statements > best.statements ? row : best), rows[0]);
    figure.appendChild(el("figcaption", "pg-hint", (sample > 1 ? "About " : "") + plural(total, "statement") + " in " +
      plural(rows.length, "week") + ", from the week of " + rows[0].week + " to that of " + rows[rows.length - 1].week +
      "; the most (" + busiest.statements + ") in the week of " + busiest.week + "."));
    // A search matching very many statements is counted on a sample of them (store/search.py): say so.
    if (sample > 1) {
      figure.appendChild(el("p", "pg-hint pg-estimate", "Estimated: so many statements match that one in " + sample +
        " was counted and each count multiplied by " + sample + "."));
    }
    box.appendChild(figure);
  }

  // The anonymous share per outlet and week as one line per outlet.
  function shareLines(box, rows, caption) {
    const figure = el("figure", "pg-figure");
    if (!rows.length) { figure.appendChild(el("p", "pg-hint", "No dated attributions.")); box.appendChild(figure); return; }
    const weeks = Array.from(new Set(rows.map((row) => row.week))).sort();
    const outlets = Array.from(new Set(rows.map((row) => row.outlet || "(no outlet)")));
    const { width, height, left, right, top, bottom } = CHART;
    const chart = svg("svg", { viewBox: "0 0 " + width + " " + height, class: "pg-chart pg-chart-share", role: "img" });
    chart.appendChild(svg("title", {}, caption));
    const xOf = (index) => left + (weeks.length === 1 ? (width - left - right) / 2 : index * (width - left - right) / (weeks.length - 1));
    const yOf = (share) => height - bottom - share * (height - top - bottom);
    axes(chart, weekTicks(weeks, xOf), 1, (value) => Math.round(value * 100) + "%");
    const legend = el("ul", "pg-legend");
    outlets.forEach((outlet, number) => {
      const colour = PALETTE[number % PALETTE.length];
      const points = rows.filter((row) => (row.outlet || "(no outlet)") === outlet && row.anonymous_share !== null)
        .map((row) => [xOf(weeks.indexOf(row.week)), yOf(row.anonymous_share), row]);
      const line = svg("polyline", { points: points.map(([x, y]) => x.toFixed(1) + "," + y.toFixed(1)).join(" "), class: "pg-share-line", stroke: colour });
      line.dataset.outlet = outlet;
      chart.appendChild(line);
      for (const [x, y, row] of points) {
        const dot = svg("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 3.5, fill: colour, class: "pg-share-dot" });
        dot.appendChild(svg("title", {}, outlet + ", week of " + row.week + ": " + percent(row.anonymous_share) +
          " anonymous (" + row.anonymous + " of " + (row.named + row.anonymous) + ")"));
        chart.appendChild(dot);
      }
      const key = el("li", "pg-legend-item", outlet);
      key.style.setProperty("--c", colour);
      legend.appendChild(key);
    });
    figure.appendChild(chart);
    figure.appendChild(legend);
    const known = rows.filter((row) => row.anonymous_share !== null);
    const highest = known.reduce((best, row) => (row.anonymous_share > best.anonymous_share ? row : best), known[0]);
    figure.appendChild(el("figcaption", "pg-hint", plural(outlets.length, "outlet") + " over " + plural(weeks.length, "week") +
      " from the week of " + weeks[0] + (highest ? "; the highest share: " + (highest.outlet || "(no outlet)") + ", " +
      percent(highest.anonymous_share) + " (" + highest.anonymous + " of " + (highest.named + highest.anonymous) +
      ") in the week of " + highest.week + "." : ".")));
    box.appendChild(figure);
  }

  async function chartCard(box, title, path, params, draw, live) {
    const section = card(box, title, "pg-chart-card");
    downloads(section, path, params);
    try {
      const rows = await getJSON(path + "?" + params.toString());
      if (live()) draw(section, rows, title);
    } catch (error) {
      section.appendChild(el("p", "pg-error", "Could not load the chart: " + error.message));
    }
  }

  // ---- the corpus views ----------------------------------------------------------------------------------
  async function showOverview(state, box, live) {
    const status = $("corpus-status");
    setStatus(status, "Loading…", false);
    const grid = el("div", "pg-grid");
    box.appendChild(grid);
    const sources = sourcesList(grid, state, {}, "Sources quoted most");
    const articles = pagedList(grid, {
      title: "Articles", path: "/articles", params: apiParams(state), limit: 20, className: "pg-articles",
      empty: "No articles match.", listClass: "pg-article-list",
      row: (a) => {
        const item = el("li");
        const link = a.error ? el("span", "pg-article pg-failed") : linkTo({ view: "article", id: a.id }, "", "pg-article");
        link.appendChild(el("span", "pg-source-name", a.title || a.id));
        link.appendChild(el("span", "pg-count", [a.outlet, a.published, a.error ? "failed" : plural(a.attributions, "attribution")]
          .filter(Boolean).join(" · ")));
        item.appendChild(link);
        return item;
      },
    });
    await Promise.all([sources.load(live), articles.load(live)]);
    try {
      const stats = await getJSON("/stats?" + apiParams(state).toString());
      if (live()) setStatus(status, stats.articles + " articles, " + stats.attributions + " attributions, " +
        percent(stats.anonymous_share) + " to anonymous sources.", false);
    } catch (error) {
      if (live()) setStatus(status, "Could not load the corpus: " + error.message, true);
    }
  }

  async function showSearch(state, box, live) {
    if (!state.q) { box.appendChild(el("p", "pg-hint", "Type names or words in the search box.")); return; }
    box.appendChild(el("h1", "pg-view-title", "Search: " + state.q));
    const grid = el("div", "pg-grid");
    box.appendChild(grid);
    const sources = sourcesList(grid, state, { q: state.q }, "Sources whose names match");
    const trails = trailMatches(grid, state.q, live);
    // Across the page, as on a source's page: a third of it leaves the axis labels too small to read.
    const chart = chartCard(box, "Matching statements per week", "/charts/statements-per-week",
      apiParams(state, { q: state.q }), weeklyBars, live);
    const said = statementsList(box, state, { q: state.q }, "Statements, best match first");
    await Promise.all([sources.load(live), chart, trails, said.load(live)]);
  }

  async function showSource(state, box, live) {
    let profile;
    try {
      profile = await getJSON("/sources/" + encodeURIComponent(state.key) + "?" + apiParams(state).toString());
    } catch (error) {
      box.appendChild(el("p", "pg-error", "Could not load the source: " + error.message));
      return;
    }
    if (!live()) return;
    const head = card(box, profile.name, "pg-profile");
    const facts = el("p", "pg-facts");
    const named = profile.named === false ? "anonymous" : profile.named ? "named" : "";
    for (const text of [profile.kind, named]) if (text) facts.appendChild(el("span", "at-badge", text));
    facts.appendChild(document.createTextNode(" " + profile.attributions + " statements in " + profile.articles +
      " articles, " + (profile.first_published || "?") + " to " + (profile.last_published || "?")));
    head.appendChild(facts);
    const described = profile.descriptions.filter((text) => text !== profile.name);
    if (described.length) head.appendChild(el("p", "pg-description", "Described as: " + described.join("; ")));
    const aliases = el("p", "pg-aliases");
    aliases.appendChild(el("strong", null, "Also called: "));
    aliases.appendChild(document.createTextNode(profile.aliases.length
      ? profile.aliases.map((alias) => alias.text + " (" + alias.attributions + ")").join("; ") : "—"));
    head.appendChild(aliases);
    const table = el("table", "pg-table pg-by-outlet");
    const header = el("tr");
    for (const title of ["Outlet", "Statements", "First", "Last"]) header.appendChild(el("th", null, title));
    table.appendChild(header);
    for (const row of profile.by_outlet) {
      const line = el("tr");
      for (const value of [row.outlet || "(no outlet)", row.attributions, row.first_published || "", row.last_published || ""]) {
        line.appendChild(el("td", null, value));
      }
      table.appendChild(line);
    }
    head.appendChild(table);
    const chart = chartCard(box, "Statements per week", "/charts/statements-per-week",
      apiParams(state, { source_key: state.key }), weeklyBars, live);
    const said = statementsList(box, state, { source_key: state.key }, "Every statement, oldest first");
    await Promise.all([chart, said.load(live)]);
  }

  async function showStatements(state, box, live) {
    const chart = chartCard(box, "Statements per week", "/charts/statements-per-week", apiParams(state), weeklyBars, live);
    const said = statementsList(box, state, {}, "Statements, oldest first");
    await Promise.all([chart, said.load(live)]);
  }

  async function showOutlets(state, box, live) {
    const section = card(box, "Outlets side by side", "pg-outlets");
    downloads(section, "/outlets", apiParams(state));
    const grid = el("div", "pg-outlet-grid");
    section.appendChild(grid);
    const chart = chartCard(box, "Anonymous share per outlet and week", "/charts/anonymous-share", apiParams(state),
      shareLines, live);
    let outlets;
    try {
      outlets = await getJSON("/outlets?" + apiParams(state).toString());
    } catch (error) {
      section.appendChild(el("p", "pg-error", "Could not load the outlets: " + error.message));
      return;
    }
    if (!live()) return;
    if (!outlets.length) grid.appendChild(el("p", "pg-hint", "No outlets match."));
    for (const o of outlets) {
      const column = el("article", "pg-outlet-card");
      column.appendChild(el("h3", "pg-outlet-name", o.outlet || "(no outlet)"));
      column.appendChild(el("p", "pg-count", o.articles + " articles · " + o.attributions + " attributions · " +
        o.attributions_per_article.toFixed(1) + " per article"));
      const share = el("div", "pg-share");
      const fill = el("span", "pg-share-fill");
      fill.style.setProperty("--w", o.anonymous_share === null ? 0 : o.anonymous_share);
      share.appendChild(fill);
      column.appendChild(share);
      column.appendChild(el("p", "pg-share-text", percent(o.anonymous_share) + " anonymous (" + o.anonymous + " of " +
        (o.named + o.anonymous) + ")"));
      const kinds = el("ul", "pg-kinds");
      for (const [kind, count] of Object.entries(o.by_kind)) kinds.appendChild(el("li", "at-badge", kind + " " + count));
      column.appendChild(kinds);
      const top = el("ol", "pg-top");
      for (const s of o.top_sources) {
        const item = el("li");
        item.appendChild(linkTo({ view: "source", key: s.key }, s.name));
        item.appendChild(document.createTextNode(" (" + s.attributions + ")"));
        top.appendChild(item);
      }
      column.appendChild(top);
      grid.appendChild(column);
    }
    await chart;
  }

  async function showUpstream(state, box, live) {
    const list = pagedList(box, {
      title: "Upstream reports the articles rely on", path: "/upstream", params: apiParams(state), limit: 50,
      ordered: true, className: "pg-upstream", empty: "No upstream reports match.", listClass: "pg-upstream-list",
      row: (u) => {
        const item = el("li", "pg-upstream-item");
        item.appendChild(el("span", "pg-source-name", u.name));
        if (u.generic) item.appendChild(el("span", "at-badge", "generic credit"));
        item.appendChild(el("span", "pg-count", plural(u.articles, "article") + ", " + plural(u.attributions, "attribution")));
        return item;
      },
    });
    await list.load(live);
  }

  // ---- the trail of a statement: where it first appeared, who retold it, what they changed ---------------------
  const FLAG_WORDS = {
    different_source: "credited to someone else", hedge_dropped: "hedge dropped", denial_dropped: "denial dropped",
    negation_dropped: "negation dropped", negation_added: "negation added", made_direct: "made a quote",
    hypothetical_dropped: "imagined first, reported as said",
  };

  // The word diff from the first appearance: removed words struck through, added words marked, kept words plain.
  function wordDiff(diff) {
    const box = el("p", "pg-diff");
    diff.forEach((piece, index) => {
      if (index) box.appendChild(document.createTextNode(" "));
      if (piece.op === "equal") { box.appendChild(document.createTextNode(piece.later)); return; }
      if (piece.first) box.appendChild(el("del", "pg-diff-removed", piece.first));
      if (piece.first && piece.later) box.appendChild(document.createTextNode(" "));
      if (piece.later) box.appendChild(el("ins", "pg-diff-added", piece.later));
    });
    return box;
  }

  function appearanceItem(item, isFirst) {
    const row = el("li", "pg-trail-item" + (isFirst ? " pg-trail-first" : ""));
    row.dataset.article = item.article_id;
    row.appendChild(el("div", "pg-when", item.published || "undated"));
    const body = el("div", "pg-what");
    const head = el("div", "pg-trail-head");
    if (isFirst) {
      head.appendChild(el("strong", "pg-trail-outlet", item.outlet || "(no outlet)"));
      head.appendChild(el("span", "at-badge pg-first-badge", "first appearance"));
    } else {
      const open = el("button", "pg-secondary pg-trail-outlet", item.outlet || "(no outlet)");
      open.type = "button";
      open.setAttribute("aria-expanded", "false");
      open.title = "Show how this retelling differs from the first appearance";
      head.appendChild(open);
    }
    head.appendChild(linkTo({ view: "article", id: item.article_id }, "article", "pg-link pg-article-link"));
    body.appendChild(head);
    const said = el("p", "pg-said");
    said.appendChild(el("strong", "pg-who", item.source || "unknown source"));
    said.appendChild(el("span", "pg-cue", " " + item.cue + ": "));
    said.appendChild(el("span", "pg-content", item.content));
    body.appendChild(said);
    const badges = el("div", "at-badges");
    badges.appendChild(el("span", "at-badge", item.type));
    if (item.upstream.length) badges.appendChild(el("span", "at-badge pg-credits", "credits " + item.upstream.join(", ")));
    if (item.via.length) badges.appendChild(el("span", "at-badge pg-via", "via " + item.via.join(", ")));
    for (const flag of item.flags) {
      const badge = el("span", "at-badge pg-trail-flag", FLAG_WORDS[flag] || flag);
      badge.dataset.flag = flag;
      badges.appendChild(badge);
    }
    body.appendChild(badges);
    if (!isFirst) {
      const changes = el("div", "pg-trail-diff");
      changes.hidden = true;
      changes.appendChild(el("p", "pg-hint", "Compared with the first appearance:"));
      changes.appendChild(wordDiff(item.diff));
      body.appendChild(changes);
      const open = head.querySelector("button");
      open.addEventListener("click", () => {
        changes.hidden = !changes.hidden;
        open.setAttribute("aria-expanded", String(!changes.hidden));
      });
    }
    row.appendChild(body);
    return row;
  }

  // A search's statements as told across the corpus (GET /trail?q=), each opening its trail.
  async function trailMatches(box, q, live) {
    const section = card(box, "Statements as told across outlets", "pg-trail-matches");
    const list = el("ol", "pg-list pg-trail-match-list");
    section.appendChild(list);
    try {
      const found = await getJSON("/trail?" + new URLSearchParams({ q: q, limit: "5" }).toString());
      if (!live()) return;
      if (!found.items.length) list.appendChild(el("li", "pg-hint", "No statement matches."));
      for (const match of found.items) {
        const item = el("li");
        item.appendChild(linkTo({ view: "trail", key: String(match.cluster_id) }, match.statement, "pg-link pg-trail-match"));
        item.appendChild(el("span", "pg-count", " told " + plural(match.appearances, "time") + " by " +
          plural(match.outlets, "outlet") + "; first: " + [match.outlet || "(no outlet)", match.published || "undated"].join(", ")));
        list.appendChild(item);
      }
    } catch (error) {
      section.appendChild(el("p", "pg-error", "Could not load: " + error.message));
    }
  }

  // The trail of the statement an attribution belongs to (id: article, key: attribution), or of a cluster (key).
  async function showTrail(state, box, live) {
    let trail;
    try {
      const path = state.id
        ? "/trail/statement?" + new URLSearchParams({ article_id: state.id, attribution_id: state.key }).toString()
        : "/trail/" + encodeURIComponent(state.key);
      trail = await getJSON(path);
    } catch (error) {
      if (live()) box.appendChild(el("p", "pg-error", "No trail for this statement: " + error.message));
      return;
    }
    if (!live()) return;
    const section = card(box, "Trail of a statement", "pg-trail");
    downloads(section, "/trail/" + trail.cluster_id, new URLSearchParams());
    const first = trail.first;
    section.appendChild(el("p", "pg-facts", "Told " + plural(trail.appearances, "time") + " in " +
      plural(trail.articles, "article") + " by " + plural(trail.outlets, "outlet") + ". First: " +
      [first.outlet || "(no outlet)", first.published || "undated", first.source || "unknown source"].join(", ") +
      ". Click a retelling to see what it changed."));
    const timeline = el("ol", "pg-list pg-trail-timeline");
    timeline.appendChild(appearanceItem(first, true));
    for (const item of trail.later) timeline.appendChild(appearanceItem(item, false));
    section.appendChild(timeline);
  }

  // ---- the analyze view ----------------------------------------------------------------------------------
  async function showArticle(state, box, live) {
    clear(box);
    setStatus($("status"), "Loading the stored article…", false);
    try {
      const analysis = await getJSON("/articles/" + encodeURIComponent(state.id));
      if (!live()) return;
      setStatus($("status"), "Stored article " + state.id + ".", false);
      render(box, analysis);
    } catch (error) {
      setStatus($("status"), "Could not open the article: " + error.message, true);
    }
  }

  $("analyze-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const status = $("status");
    const button = $("analyze-button");
    const body = { text: $("text").value };
    for (const name of ["title", "published", "outlet"]) {
      const value = $(name).value.trim();
      if (value) body[name] = value;
    }
    if (!body.text.trim()) { setStatus(status, "Paste an article first.", true); return; }
    if (readState().view !== "analyze") history.pushState(null, "", "/?view=analyze");
    button.disabled = true;
    setStatus(status, "Analyzing…", false);
    const started = performance.now();
    try {
      const analysis = await getJSON("/analyze", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const n = analysis.attributions.length;
      setStatus(status, n + (n === 1 ? " attribution" : " attributions") + " found in " + seconds + " s.", false);
      const result = $("result");
      render(result, analysis);
      result.scrollIntoView({ block: "start", behavior: "smooth" });
    } catch (error) {
      setStatus(status, "Could not analyse: " + error.message, true);
    } finally {
      button.disabled = false;
    }
  });

  // ---- start ---------------------------------------------------------------------------------------------
  async function start() {
    try {
      const health = await getJSON("/health");
      if (health.store) {
        const described = await getJSON("/filters");
        filterSpecs = described.filters;
        buildFilters(filterSpecs, described.outlets);
        hasStore = true;
        for (const id of ["tab-corpus", "tab-statements", "tab-outlets", "tab-upstream", "search-form"]) $(id).hidden = false;
      }
    } catch (_) { /* the analyze view works without a store */ }
    document.body.dataset.ready = "true";
    await show();
  }
  start();
})();
