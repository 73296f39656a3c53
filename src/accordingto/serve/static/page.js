/* The web page: send an article to POST /analyze and draw the answer with the shared renderer (report.js);
 * with a store, browse the corpus. Everything from the server reaches the DOM through textContent only. */
(function () {
  "use strict";

  const { render, el, percent } = window.AccordingTo;
  const $ = (id) => document.getElementById(id);

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

  function showResult(analysis) {
    const result = $("result");
    render(result, analysis);
    result.scrollIntoView({ block: "start", behavior: "smooth" });
  }

  // ---- analyze view ----------------------------------------------------------------------------------------
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
      showResult(analysis);
    } catch (error) {
      setStatus(status, "Could not analyse: " + error.message, true);
    } finally {
      button.disabled = false;
    }
  });

  // ---- views ---------------------------------------------------------------------------------------------
  function showView(name) {
    $("analyze-view").hidden = name !== "analyze";
    $("corpus-view").hidden = name !== "corpus";
    $("tab-analyze").setAttribute("aria-pressed", String(name === "analyze"));
    $("tab-corpus").setAttribute("aria-pressed", String(name === "corpus"));
  }
  $("tab-analyze").addEventListener("click", () => showView("analyze"));
  $("tab-corpus").addEventListener("click", () => { showView("corpus"); loadCorpus(); });

  // ---- corpus view (only with a store) -------------------------------------------------------------------
  function filters() {
    const params = new URLSearchParams();
    const pairs = [["kind", "filter-kind"], ["named", "filter-named"], ["outlet", "filter-outlet"],
      ["since", "filter-since"], ["until", "filter-until"]];
    for (const [name, id] of pairs) { const value = $(id).value.trim(); if (value) params.set(name, value); }
    return params;
  }

  function without(params, ...names) {
    const copy = new URLSearchParams(params);
    for (const name of names) copy.delete(name);
    return copy;
  }

  let corpusLoaded = false;
  async function loadCorpus(force) {
    if (corpusLoaded && !force) return;
    corpusLoaded = true;
    const status = $("corpus-status");
    const params = filters();
    setStatus(status, "Loading…", false);
    try {
      const [sources, stats, articles] = await Promise.all([
        getJSON("/sources?" + params.toString()),
        getJSON("/stats?" + without(params, "kind", "named").toString()),
        getJSON("/articles?" + without(params, "kind", "named").toString()),
      ]);
      drawSources(sources);
      drawOutlets(stats);
      drawArticles(articles);
      setStatus(status, stats.articles + " articles, " + stats.attributions + " attributions, " +
        percent(stats.anonymous_share) + " anonymous.", false);
    } catch (error) {
      setStatus(status, "Could not load the corpus: " + error.message, true);
    }
  }
  $("corpus-filters").addEventListener("submit", (event) => { event.preventDefault(); loadCorpus(true); });

  function drawSources(sources) {
    const list = $("top-sources");
    clear(list);
    if (!sources.length) list.appendChild(el("li", "pg-hint", "No sources match."));
    const top = sources.length ? sources[0].attributions : 1;
    for (const s of sources) {
      const item = el("li");
      const button = el("button", "pg-source");
      button.type = "button";
      button.appendChild(el("span", "pg-source-name", s.name));
      const tag = s.named === false ? "anonymous" : s.named ? "named" : "";
      if (tag) button.appendChild(el("span", "at-badge " + (s.named ? "at-named" : "at-anon"), tag));
      if (s.kind) button.appendChild(el("span", "at-badge", s.kind));
      const bar = el("span", "pg-source-bar");
      bar.style.setProperty("--w", (s.attributions / top).toFixed(3));
      button.appendChild(bar);
      button.appendChild(el("span", "pg-count", s.attributions + " in " + s.articles + (s.articles === 1 ? " article" : " articles")));
      button.addEventListener("click", () => loadStatements(s));
      item.appendChild(button);
      list.appendChild(item);
    }
  }

  function drawOutlets(stats) {
    const box = $("outlets");
    clear(box);
    if (!stats.by_outlet.length) box.appendChild(el("p", "pg-hint", "No articles match."));
    for (const o of stats.by_outlet) {
      const row = el("div", "pg-outlet");
      row.appendChild(el("span", "pg-outlet-name", o.outlet || "(no outlet)"));
      const bar = el("span", "pg-share");
      const fill = el("span", "pg-share-fill");
      fill.style.setProperty("--w", o.anonymous_share === null ? 0 : o.anonymous_share);
      bar.appendChild(fill);
      row.appendChild(bar);
      row.appendChild(el("span", "pg-count", percent(o.anonymous_share) + " of " + (o.named + o.anonymous) +
        " · " + o.articles + " art."));
      box.appendChild(row);
    }
  }

  function drawArticles(articles) {
    const list = $("articles");
    clear(list);
    if (!articles.length) list.appendChild(el("li", "pg-hint", "No articles match."));
    for (const a of articles) {
      const item = el("li");
      const button = el("button", "pg-article");
      button.type = "button";
      button.appendChild(el("span", "pg-source-name", a.title || a.id));
      button.appendChild(el("span", "pg-count", [a.outlet, a.published, a.error ? "failed" : a.attributions + " attributions"]
        .filter(Boolean).join(" · ")));
      button.disabled = Boolean(a.error);
      button.addEventListener("click", async () => {
        try {
          const analysis = await getJSON("/articles/" + encodeURIComponent(a.id));
          showView("analyze");
          showResult(analysis);
        } catch (error) {
          setStatus($("corpus-status"), "Could not open the article: " + error.message, true);
        }
      });
      item.appendChild(button);
      list.appendChild(item);
    }
  }

  async function loadStatements(source) {
    const box = $("timeline");
    $("statements-title").textContent = "What " + source.name + " said";
    $("statements-hint").textContent = "Oldest first; dots mark publication dates.";
    clear(box);
    let statements;
    try {
      statements = await getJSON("/sources/" + encodeURIComponent(source.key) + "/statements?" +
        without(filters(), "kind", "named").toString());
    } catch (error) {
      box.appendChild(el("p", "pg-error", "Could not load statements: " + error.message));
      return;
    }
    drawTimeline(box, statements);
  }

  function drawTimeline(box, statements) {
    const dated = statements.filter((s) => s.published).map((s) => Date.parse(s.published));
    const first = Math.min.apply(null, dated);
    const last = Math.max.apply(null, dated);
    const axis = el("div", "pg-axis");
    axis.setAttribute("aria-hidden", "true");
    if (dated.length) {
      axis.appendChild(el("span", "pg-axis-start", statements.find((s) => s.published).published));
      axis.appendChild(el("span", "pg-axis-end", statements.filter((s) => s.published).slice(-1)[0].published));
    }
    box.appendChild(axis);
    const list = el("ol", "pg-timeline");
    statements.forEach((s, index) => {
      const item = el("li", "pg-statement");
      item.id = "statement-" + index;
      if (s.published) {
        const dot = el("span", "pg-dot");
        dot.style.setProperty("--x", last > first ? ((Date.parse(s.published) - first) / (last - first)).toFixed(4) : 0.5);
        dot.title = s.published + ": " + s.cue_text + " — " + (s.title || s.article_id);
        axis.appendChild(dot);
      }
      item.appendChild(el("div", "pg-when", s.published || "undated"));
      const body = el("div", "pg-what");
      const head = el("div", "pg-count", [s.outlet, s.title || s.article_id].filter(Boolean).join(" · "));
      body.appendChild(head);
      const said = el("p", "pg-said");
      said.appendChild(el("strong", null, (s.source_name || "") + " " + s.cue_text + ": "));
      said.appendChild(document.createTextNode(s.content_text));
      body.appendChild(said);
      const badges = el("div", "at-badges");
      badges.appendChild(el("span", "at-badge", s.type));
      for (const flag of ["denial", "hedged", "negated"]) if (s[flag]) badges.appendChild(el("span", "at-badge at-flag-" + flag, flag));
      if (s.time_value) badges.appendChild(el("span", "at-badge at-when", "about " + s.time_value));
      body.appendChild(badges);
      item.appendChild(body);
      list.appendChild(item);
    });
    if (!statements.length) list.appendChild(el("li", "pg-hint", "No statements match."));
    box.appendChild(list);
  }

  // ---- start ---------------------------------------------------------------------------------------------
  getJSON("/health").then((health) => {
    if (health.store) $("tab-corpus").hidden = false;
  }).catch(() => { /* the analyze view works without it */ });
})();
