// newsner report: reads the JSON embedded in the page and draws the four views. Plain DOM and
// SVG, no library, no request: the page works from a file, offline.
"use strict";
(function () {
  const D = JSON.parse(document.getElementById("report-data").textContent);
  const TYPES = ["person", "group", "place"];
  // Field positions of the compact rows the Rust side writes (see report/mod.rs).
  const M_TITLE = 0, M_START = 1, M_END = 2, M_ENTITY = 3, M_KIND = 4, M_ROLE = 5, M_LIST = 6;
  const E_SRC = 0, E_TGT = 1, E_WEIGHT = 2, E_DOCS = 3;
  // Rows of the entity table drawn at once; "Show more" adds as many again.
  const PAGE_ROWS = 200;
  // Characters of context either side of the example in a table row (the detail shows all).
  const TABLE_CONTEXT = 32;
  // The network's default minimum weight is the smallest that leaves at most this many nodes,
  // and the slider cannot go below the one that leaves more than MAX_NODES (the layout is
  // quadratic in nodes).
  const DEFAULT_NODES = 100;
  const MAX_NODES = 1500;
  // Labels drawn on the largest nodes; the others show their name on hover.
  const LABELLED_NODES = 30;

  const $ = (id) => document.getElementById(id);
  const fmt = (n) => n.toLocaleString("en-US");
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const k of kids) e.append(k);
    return e;
  };

  // ---- Navigation: one section at a time, chosen by the URL's fragment.
  function showTab() {
    const tab = (location.hash || "#overview").slice(1);
    const known = document.querySelector(`section[id="${tab}"][data-section]`) ? tab : "overview";
    for (const s of document.querySelectorAll("[data-section]")) s.hidden = s.id !== known;
    for (const a of document.querySelectorAll("nav a")) {
      if (a.dataset.tab === known) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    }
    scrollTo(0, 0);
    if (known === "network") Net.draw();
  }
  function go(tab) {
    if (location.hash !== "#" + tab) location.hash = tab;
    else showTab();
  }

  // ---- Overview
  function overview() {
    const byType = {};
    for (const t of TYPES) byType[t] = { entities: 0, mentions: 0 };
    const byKind = D.kinds.map(() => 0);
    for (const e of D.entities) {
      const t = (byType[e.type] = byType[e.type] || { entities: 0, mentions: 0 });
      t.entities += 1;
      t.mentions += e.mentions;
      e.by_kind.forEach((n, i) => (byKind[i] += n));
    }
    const card = (label, n) => el("div", { class: "card" }, el("b", { text: fmt(n) }), label);
    const cards = el("div", { class: "cards" },
      card("documents", D.documents), card("mentions", D.mentions), card("entities", D.entities.length),
      card("articles shown", D.articles.length));
    if (D.rejected) cards.append(card("records rejected", D.rejected));
    const typeRows = Object.entries(byType).map(([t, v]) =>
      `<tr><td><span class="type-badge ${esc(t)}">${esc(t)}</span></td><td class="num">${fmt(v.entities)}</td><td class="num">${fmt(v.mentions)}</td></tr>`).join("");
    const kindRows = D.kinds.map((k, i) => `<tr><td>${esc(k)}</td><td class="num">${fmt(byKind[i])}</td></tr>`).join("");
    const settingRows = D.settings.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join("");
    const top = TYPES.map((t) => {
      const items = D.entities.filter((e) => e.type === t).slice(0, 8)
        .map((e) => `<li><button class="link" data-entity="${D.entities.indexOf(e)}">${esc(e.name)}</button> <span class="muted">${fmt(e.mentions)}</span></li>`).join("");
      return `<div><h3>Most named: ${esc(t)}</h3><ol>${items}</ol></div>`;
    }).join("");
    const grid = el("div", { class: "overview-grid" });
    grid.innerHTML =
      `<div><h3>Entities by type</h3><table><tr><th>type</th><th class="num">entities</th><th class="num">mentions</th></tr>${typeRows}</table></div>` +
      `<div><h3>Mentions by how they were found</h3><table>${kindRows}</table></div>` +
      `<div class="wide"><h3>Run</h3><table>${settingRows}<tr><th>article sample</th><td>${fmt(D.articles.length)} of ${fmt(D.documents)} documents, chosen evenly and the same on every run; all counts cover every document</td></tr><tr><th>made by</th><td>${esc(D.generator)}</td></tr></table></div>` +
      top;
    grid.addEventListener("click", (ev) => {
      const b = ev.target.closest("[data-entity]");
      if (b) Entities.select(+b.dataset.entity, true);
    });
    $("overview-body").replaceChildren(cards, grid);
  }

  // ---- Co-mentions per entity, built on first use for each window.
  const adjacency = {};
  function neighbours(w, i) {
    if (!adjacency[w]) {
      const adj = D.entities.map(() => []);
      for (const e of D.edges[w]) {
        adj[e[E_SRC]].push([e[E_TGT], e[E_WEIGHT], e[E_DOCS]]);
        adj[e[E_TGT]].push([e[E_SRC], e[E_WEIGHT], e[E_DOCS]]);
      }
      for (const a of adj) a.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
      adjacency[w] = adj;
    }
    return adjacency[w][i];
  }

  // ---- Entities table
  const Entities = (function () {
    const cols = [
      { key: "name", label: "Entity", get: (e) => e.name.toLowerCase() },
      { key: "type", label: "Type", get: (e) => e.type },
      { key: "mentions", label: "Mentions", num: true, get: (e) => e.mentions },
      { key: "documents", label: "Documents", num: true, get: (e) => e.documents },
      { key: "found", label: "Found by", get: null },
      { key: "example", label: "Example", get: null },
    ];
    let sortCol = 2, sortDir = -1, shown = PAGE_ROWS, rows = [], selected = -1;
    const tbody = document.querySelector("#entity-table tbody");
    const headRow = document.querySelector("#entity-table thead tr");
    cols.forEach((c, i) => {
      const th = el("th", { text: c.label, scope: "col" });
      if (c.num) th.className = "num";
      if (c.get) {
        th.tabIndex = 0;
        const sort = () => {
          if (sortCol === i) sortDir = -sortDir;
          else { sortCol = i; sortDir = c.num ? -1 : 1; }
          refresh();
        };
        th.addEventListener("click", sort);
        th.addEventListener("keydown", (ev) => { if (ev.key === "Enter") sort(); });
      }
      headRow.append(th);
    });
    const kindSel = $("entity-kind");
    D.kinds.forEach((k, i) => kindSel.append(el("option", { value: String(i), text: k })));

    function refresh() {
      const q = $("entity-filter").value.trim().toLowerCase();
      const type = $("entity-type").value;
      const kind = kindSel.value === "" ? -1 : +kindSel.value;
      rows = [];
      D.entities.forEach((e, i) => {
        if (type && e.type !== type) return;
        if (kind >= 0 && !e.by_kind[kind]) return;
        if (q && !e.name.toLowerCase().includes(q) && !e.id.toLowerCase().includes(q)) return;
        rows.push(i);
      });
      const get = cols[sortCol].get;
      rows.sort((a, b) => {
        const x = get(D.entities[a]), y = get(D.entities[b]);
        return (x < y ? -1 : x > y ? 1 : 0) * sortDir || a - b;
      });
      headRow.querySelectorAll("th").forEach((th, i) => {
        if (i === sortCol) th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
        else th.removeAttribute("aria-sort");
      });
      shown = PAGE_ROWS;
      render();
    }

    function render() {
      const html = rows.slice(0, shown).map((i) => {
        const e = D.entities[i];
        const ex = e.examples[0];
        return `<tr tabindex="0" data-i="${i}" data-type="${esc(e.type)}"${i === selected ? ' aria-selected="true"' : ""}>` +
          `<td>${esc(e.name)}</td><td class="type"><span class="type-badge ${esc(e.type)}">${esc(e.type)}</span></td>` +
          `<td class="num">${fmt(e.mentions)}</td><td class="num">${fmt(e.documents)}</td>` +
          `<td class="found">${foundBy(e)}</td>` +
          `<td class="example">${ex ? `…${esc(ex[0].slice(-TABLE_CONTEXT))}<b>${esc(ex[1])}</b>${esc(ex[2].slice(0, TABLE_CONTEXT))}…` : ""}</td></tr>`;
      }).join("");
      tbody.innerHTML = html;
      $("entity-count").textContent = `${fmt(rows.length)} of ${fmt(D.entities.length)} entities`;
      $("entity-more").hidden = rows.length <= shown;
    }

    function foundBy(e) {
      return e.by_kind.map((n, k) => (n ? `${esc(D.kinds[k])}&nbsp;${fmt(n)}` : "")).filter(Boolean).join(", ");
    }

    function select(i, reveal) {
      selected = i;
      for (const tr of tbody.querySelectorAll('tr[aria-selected="true"]')) tr.removeAttribute("aria-selected");
      const tr = tbody.querySelector(`tr[data-i="${i}"]`);
      if (tr) tr.setAttribute("aria-selected", "true");
      detail(i);
      if (reveal) go("entities");
    }

    function detail(i) {
      const e = D.entities[i];
      const box = $("entity-detail");
      const kinds = foundBy(e);
      let html = `<h3>${esc(e.name)}</h3><p><span class="type-badge ${esc(e.type)}">${esc(e.type)}</span> <code>${esc(e.id)}</code></p>` +
        `<p>${fmt(e.mentions)} mentions in ${fmt(e.documents)} documents; found by ${kinds}</p>`;
      html += `<h4>Examples</h4>` + e.examples.map((x) => `<p class="ex">…${esc(x[0])}<b>${esc(x[1])}</b>${esc(x[2])}…</p>`).join("");
      D.windows.forEach((w, wi) => {
        const top = neighbours(wi, i).slice(0, 10);
        if (!top.length) return;
        html += `<h4>Named with it (same ${esc(w)})</h4><ol>` + top.map(([j, weight, docs]) =>
          `<li><button class="link" data-entity="${j}">${esc(D.entities[j].name)}</button> <span class="muted">${fmt(weight)} ${w === "list" ? "lists" : "sentences"}, ${fmt(docs)} docs</span></li>`).join("") + "</ol>";
      });
      html += `<h4>Documents</h4><ul>` + e.docs.map((d) => {
        const doc = D.docs[d];
        const label = esc(doc.title || doc.id);
        return doc.article != null
          ? `<li><button class="link" data-article="${doc.article}" data-focus="${i}">${label}</button></li>`
          : `<li>${label} <span class="muted">(${esc(doc.id)}; not in the article sample)</span></li>`;
      }).join("") + "</ul>";
      if (e.documents > e.docs.length) html += `<p class="muted">and ${fmt(e.documents - e.docs.length)} more documents</p>`;
      box.innerHTML = html;
    }

    $("entity-detail").addEventListener("click", (ev) => {
      const b = ev.target.closest("[data-entity], [data-article]");
      if (!b) return;
      if (b.dataset.entity != null) select(+b.dataset.entity, false);
      else Articles.show(+b.dataset.article, +b.dataset.focus);
    });
    tbody.addEventListener("click", (ev) => {
      const tr = ev.target.closest("tr[data-i]");
      if (tr) select(+tr.dataset.i, false);
    });
    tbody.addEventListener("keydown", (ev) => {
      const tr = ev.target.closest("tr[data-i]");
      if (tr && ev.key === "Enter") select(+tr.dataset.i, false);
    });
    $("entity-more").addEventListener("click", () => { shown += PAGE_ROWS; render(); });
    $("entity-filter").addEventListener("input", refresh);
    for (const id of ["entity-type", "entity-kind"]) $(id).addEventListener("change", refresh);
    refresh();
    return { select };
  })();

  // ---- Articles
  const Articles = (function () {
    let matches = D.articles.map((_, i) => i), pos = 0;
    const sel = $("article-select");
    // An article without a title goes by its id, without the folders of a file path.
    const label = (a) => a.title || a.id.split(/[\\/]/).pop();

    // The text of one field with its mentions as <mark>s, and each list of people wrapped in
    // one element so that a delegation reads as a unit.
    function markup(text, mentions) {
      const listEnd = {};
      for (const m of mentions) if (m[M_LIST] != null) listEnd[m[M_LIST]] = Math.max(listEnd[m[M_LIST]] || 0, m[M_END]);
      const sizes = {};
      for (const m of mentions) if (m[M_LIST] != null) sizes[m[M_LIST]] = (sizes[m[M_LIST]] || 0) + 1;
      let out = "", pos = 0, open = null;
      for (const m of mentions) {
        if (m[M_START] < pos) continue; // overlaps the previous mention
        const list = m[M_LIST];
        if (list != null && open == null) {
          out += esc(text.slice(pos, m[M_START])) + `<span class="deleg" data-list="${list}" data-n="${list + 1}" title="people listed together (list ${list + 1}, ${sizes[list]} names)">`;
          pos = m[M_START];
          open = list;
        }
        const e = D.entities[m[M_ENTITY]];
        out += esc(text.slice(pos, m[M_START])) +
          `<mark class="m ${esc(e.type)}" tabindex="0" data-e="${m[M_ENTITY]}" data-k="${m[M_KIND]}"` +
          (m[M_ROLE] ? ` data-role="${esc(m[M_ROLE])}"` : "") + (list != null ? ` data-list="${list}"` : "") +
          ` aria-label="${esc(text.slice(m[M_START], m[M_END]))}: ${esc(e.name)}, ${esc(e.type)}">` +
          esc(text.slice(m[M_START], m[M_END])) + "</mark>";
        pos = m[M_END];
        if (open != null && pos >= listEnd[open]) { out += "</span>"; open = null; }
      }
      out += esc(text.slice(pos));
      if (open != null) out += "</span>";
      return out;
    }

    function show(i, focusEntity) {
      const k = matches.indexOf(i);
      if (k < 0) { $("article-search").value = ""; filter(); pos = matches.indexOf(i); } else pos = k;
      render(focusEntity);
      go("articles");
    }

    function render(focusEntity) {
      const view = $("article-view");
      $("tip").hidden = true;
      sel.value = String(matches[pos] ?? "");
      $("article-pos").textContent = matches.length ? `${pos + 1} of ${fmt(matches.length)}` : "no article matches";
      $("article-prev").disabled = pos <= 0;
      $("article-next").disabled = pos >= matches.length - 1;
      if (!matches.length) { view.replaceChildren(); return; }
      const a = D.articles[matches[pos]];
      const inTitle = a.mentions.filter((m) => m[M_TITLE] === 1);
      const inText = a.mentions.filter((m) => m[M_TITLE] === 0);
      const distinct = new Set(a.mentions.map((m) => m[M_ENTITY])).size;
      view.innerHTML =
        `<h3>${a.title ? markup(a.title, inTitle) : esc(label(a))}</h3>` +
        `<div class="article-meta">${esc(a.id)}${a.date ? " · " + esc(a.date) : ""} · ${fmt(a.mentions.length)} mentions of ${fmt(distinct)} entities</div>` +
        `<div class="article-text">${markup(a.text, inText)}</div>`;
      if (focusEntity != null) {
        const marks = view.querySelectorAll(`mark.m[data-e="${focusEntity}"]`);
        marks.forEach((m) => m.classList.add("flash"));
        if (marks[0]) marks[0].scrollIntoView({ block: "center" });
      }
    }

    function filter() {
      const q = $("article-search").value.trim().toLowerCase();
      const current = matches[pos];
      matches = [];
      D.articles.forEach((a, i) => {
        if (!q || a.id.toLowerCase().includes(q) || (a.title || "").toLowerCase().includes(q) || a.text.toLowerCase().includes(q) ||
            a.mentions.some((m) => D.entities[m[M_ENTITY]].name.toLowerCase().includes(q))) matches.push(i);
      });
      pos = Math.max(0, matches.indexOf(current));
      sel.replaceChildren(...matches.map((i) => el("option", { value: String(i), text: label(D.articles[i]) })));
      render();
    }

    $("article-note").textContent = D.articles.length < D.documents
      ? `${fmt(D.articles.length)} of ${fmt(D.documents)} documents are shown (--report-docs)` : "";
    $("article-search").addEventListener("input", filter);
    $("article-prev").addEventListener("click", () => { if (pos > 0) { pos -= 1; render(); } });
    $("article-next").addEventListener("click", () => { if (pos < matches.length - 1) { pos += 1; render(); } });
    sel.addEventListener("change", () => { pos = matches.indexOf(+sel.value); render(); });
    $("article-view").addEventListener("click", (ev) => {
      const m = ev.target.closest("mark.m");
      if (m) Entities.select(+m.dataset.e, true);
    });
    filter();
    return { show };
  })();

  // ---- Tooltip on mentions: canonical name, id, match kind, role, list.
  (function () {
    const tip = $("tip");
    let current = null;
    function open(ev) {
      const m = ev.target.closest && ev.target.closest("#article-view mark.m");
      if (!m) return;
      current = m;
      const e = D.entities[+m.dataset.e];
      tip.innerHTML = `<b>${esc(e.name)}</b> <span>(${esc(e.type)})</span><br>id: ${esc(e.id)}<br>match: ${esc(D.kinds[+m.dataset.k])}` +
        (m.dataset.role ? `<br>role: ${esc(m.dataset.role)}` : "") +
        (m.dataset.list != null ? `<br>list ${+m.dataset.list + 1}` : "");
      tip.hidden = false;
      place();
    }
    function place() {
      const r = current.getBoundingClientRect();
      const top = r.bottom + 6 + tip.offsetHeight > innerHeight ? r.top - tip.offsetHeight - 6 : r.bottom + 6;
      tip.style.left = Math.max(4, Math.min(r.left, innerWidth - tip.offsetWidth - 4)) + "px";
      tip.style.top = top + "px";
    }
    function close(ev) {
      if (ev.target.closest && ev.target.closest("#article-view mark.m")) { tip.hidden = true; current = null; }
    }
    document.addEventListener("mouseover", open);
    document.addEventListener("focusin", open);
    document.addEventListener("mouseout", close);
    document.addEventListener("focusout", close);
    addEventListener("scroll", () => { if (current && current.isConnected) place(); else tip.hidden = true; }, { passive: true });
  })();

  // ---- Network
  const Net = (function () {
    const SVG = "http://www.w3.org/2000/svg";
    const svg = $("net-svg");
    const winSel = $("net-window"), slider = $("net-min");
    // Zoom scales the distances between nodes, not the nodes, edges and labels themselves, so
    // that names stay readable at every zoom; `placed` remembers the elements to move.
    let view = { x: 0, y: 0, k: 1 }, root = null, drawn = null, dirty = true, placed = null;
    D.windows.forEach((w, i) => winSel.append(el("option", { value: String(i), text: w === "list" ? "list (people listed together)" : w })));

    // For each minimum weight, how many entities have an edge at least that heavy.
    function nodesAt(edges, min) {
      const seen = new Set();
      for (const e of edges) if (e[E_WEIGHT] >= min) { seen.add(e[E_SRC]); seen.add(e[E_TGT]); }
      return seen;
    }
    function setupSlider() {
      const edges = D.edges[+winSel.value];
      let max = 1;
      for (const e of edges) max = Math.max(max, e[E_WEIGHT]);
      // Count entities by the heaviest edge they have: nodes passing "min" are those whose best is >= min.
      const best = new Map();
      for (const e of edges) for (const n of [e[E_SRC], e[E_TGT]]) best.set(n, Math.max(best.get(n) || 0, e[E_WEIGHT]));
      const atLeast = new Array(max + 2).fill(0);
      for (const b of best.values()) atLeast[b] += 1;
      for (let w = max - 1; w >= 1; w--) atLeast[w] += atLeast[w + 1];
      let lo = 1;
      while (lo < max && atLeast[lo] > MAX_NODES) lo++;
      let def = lo;
      while (def < max && atLeast[def] > DEFAULT_NODES) def++;
      slider.min = String(lo);
      slider.max = String(max);
      slider.value = String(def);
      $("net-min-value").textContent = slider.value;
    }

    // Force-directed layout (Fruchterman-Reingold), deterministic: nodes start on a spiral in
    // order of mentions and the same steps run every time.
    // Distances are in screen pixels at zoom 1: nodes sit about EDGE_LENGTH apart.
    const EDGE_LENGTH = 64;
    const GRAVITY = 0.6;
    function layout(nodes, links) {
      const n = nodes.length;
      const k = EDGE_LENGTH, size = k * Math.sqrt(n + 1);
      const pos = nodes.map((_, i) => {
        const a = i * 2.399963, r = Math.sqrt(i + 0.5) * k * 0.5;
        return [r * Math.cos(a), r * Math.sin(a)];
      });
      const iterations = Math.max(30, Math.min(300, Math.floor(3e7 / (n * n + 1))));
      let t = size / 8;
      const disp = nodes.map(() => [0, 0]);
      for (let it = 0; it < iterations; it++) {
        for (const d of disp) { d[0] = 0; d[1] = 0; }
        for (let i = 0; i < n; i++) {
          const p = pos[i];
          for (let j = i + 1; j < n; j++) {
            const q = pos[j];
            let dx = p[0] - q[0], dy = p[1] - q[1];
            let d2 = dx * dx + dy * dy;
            if (d2 < 0.01) { dx = 0.1 * ((i % 7) - 3); dy = 0.1 * ((j % 5) - 2); d2 = dx * dx + dy * dy + 0.01; }
            const f = (k * k) / d2;
            disp[i][0] += dx * f; disp[i][1] += dy * f;
            disp[j][0] -= dx * f; disp[j][1] -= dy * f;
          }
        }
        for (const [a, b, w] of links) {
          const dx = pos[a][0] - pos[b][0], dy = pos[a][1] - pos[b][1];
          const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
          const f = (d / k) * (1 + 0.2 * Math.log(w)) * 0.5;
          disp[a][0] -= dx * f; disp[a][1] -= dy * f;
          disp[b][0] += dx * f; disp[b][1] += dy * f;
        }
        for (let i = 0; i < n; i++) {
          // A pull to the centre, as strong as the push of all other nodes at about the
          // drawing's radius, keeps components that share no edge near the rest.
          disp[i][0] -= pos[i][0] * GRAVITY; disp[i][1] -= pos[i][1] * GRAVITY;
          const d = Math.sqrt(disp[i][0] ** 2 + disp[i][1] ** 2) || 1;
          const step = Math.min(d, t);
          pos[i][0] += (disp[i][0] / d) * step;
          pos[i][1] += (disp[i][1] / d) * step;
        }
        t = Math.max(t * 0.97, size / 400);
      }
      return pos;
    }

    function svgEl(tag, attrs) {
      const e = document.createElementNS(SVG, tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      return e;
    }

    function build() {
      const w = +winSel.value, min = +slider.value;
      const edges = D.edges[w].filter((e) => e[E_WEIGHT] >= min);
      const ids = [...nodesAt(edges, min)].sort((a, b) => a - b); // entity order: most mentions first
      const at = new Map(ids.map((id, i) => [id, i]));
      const links = edges.map((e) => [at.get(e[E_SRC]), at.get(e[E_TGT]), e[E_WEIGHT]]);
      const pos = layout(ids, links);
      const box = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of pos) { box[0] = Math.min(box[0], x); box[1] = Math.min(box[1], y); box[2] = Math.max(box[2], x); box[3] = Math.max(box[3], y); }
      let maxM = 1, maxW = 1;
      for (const id of ids) maxM = Math.max(maxM, D.entities[id].mentions);
      for (const l of links) maxW = Math.max(maxW, l[2]);
      root = svgEl("g", { id: "net-view" });
      const gE = svgEl("g", { class: "edges" }), gN = svgEl("g", { class: "nodes" });
      placed = { pos, lines: [], nodes: [], k: null };
      links.sort((a, b) => a[2] - b[2]);
      for (const [a, b, weight] of links) {
        const line = svgEl("line", {
          class: "edge", "stroke-width": (0.5 + 3.5 * Math.sqrt(weight / maxW)).toFixed(2), "data-a": ids[a], "data-b": ids[b],
        });
        placed.lines.push([line, a, b]);
        line.append(Object.assign(svgEl("title", {}), { textContent: `${D.entities[ids[a]].name} – ${D.entities[ids[b]].name}: ${weight}` }));
        gE.append(line);
      }
      const labelled = new Set(ids.slice(0, LABELLED_NODES));
      ids.forEach((id, i) => {
        const e = D.entities[id];
        const r = 2.5 + 9.5 * Math.sqrt(e.mentions / maxM);
        const g = svgEl("g", { class: `node ${e.type}`, "data-e": id });
        placed.nodes.push([g, i]);
        g.append(svgEl("circle", { r: r.toFixed(1) }));
        g.append(Object.assign(svgEl("title", {}), { textContent: `${e.name} (${e.type}): ${fmt(e.mentions)} mentions` }));
        if (labelled.has(id)) g.append(Object.assign(svgEl("text", { x: (r + 2).toFixed(1), y: "4" }), { textContent: e.name }));
        gN.append(g);
      });
      root.append(gE, gN);
      svg.replaceChildren(root);
      drawn = { w, min, nodes: ids.length, edges: links.length, box };
      $("net-count").textContent = `${fmt(ids.length)} nodes, ${fmt(links.length)} edges`;
      fit();
    }

    function fit() {
      const r = svg.getBoundingClientRect();
      if (!drawn || !drawn.nodes) { view = { k: 1, x: r.width / 2, y: r.height / 2 }; apply(); return; }
      // Fit the drawing with a margin for labels, but never enlarge it past its natural size.
      const [x0, y0, x1, y1] = drawn.box;
      const k = Math.min(2, (r.width - 200) / (x1 - x0 + 1), (r.height - 60) / (y1 - y0 + 1));
      view = { k, x: r.width / 2 - k * (x0 + x1) / 2, y: r.height / 2 - k * (y0 + y1) / 2 };
      apply();
    }
    function apply() {
      if (!root) return;
      root.setAttribute("transform", `translate(${view.x.toFixed(1)},${view.y.toFixed(1)})`);
      if (placed.k === view.k) return;
      const k = (placed.k = view.k), pos = placed.pos;
      for (const [line, a, b] of placed.lines) {
        line.setAttribute("x1", (pos[a][0] * k).toFixed(1));
        line.setAttribute("y1", (pos[a][1] * k).toFixed(1));
        line.setAttribute("x2", (pos[b][0] * k).toFixed(1));
        line.setAttribute("y2", (pos[b][1] * k).toFixed(1));
      }
      for (const [g, i] of placed.nodes) g.setAttribute("transform", `translate(${(pos[i][0] * k).toFixed(1)},${(pos[i][1] * k).toFixed(1)})`);
    }
    function zoom(f, cx, cy) {
      const r = svg.getBoundingClientRect();
      cx = cx ?? r.width / 2; cy = cy ?? r.height / 2;
      view.x = cx - (cx - view.x) * f;
      view.y = cy - (cy - view.y) * f;
      view.k *= f;
      apply();
    }

    svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const r = svg.getBoundingClientRect();
      zoom(Math.exp(-ev.deltaY * 0.0015), ev.clientX - r.left, ev.clientY - r.top);
    }, { passive: false });
    let drag = null;
    svg.addEventListener("pointerdown", (ev) => {
      drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false };
      svg.setPointerCapture(ev.pointerId);
      svg.classList.add("dragging");
    });
    svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      view.x = drag.vx + dx; view.y = drag.vy + dy;
      apply();
    });
    svg.addEventListener("pointerup", (ev) => {
      const wasDrag = drag && drag.moved;
      drag = null;
      svg.classList.remove("dragging");
      if (wasDrag) return;
      // A click, not a drag: the node under the pointer opens its entity.
      const hit = document.elementFromPoint(ev.clientX, ev.clientY);
      const node = hit && hit.closest && hit.closest(".node");
      if (node) Entities.select(+node.dataset.e, true);
    });
    svg.addEventListener("mouseover", (ev) => {
      const node = ev.target.closest(".node");
      if (!node) return;
      const id = node.dataset.e;
      const near = new Set([id]);
      for (const l of svg.querySelectorAll(".edge")) {
        const on = l.dataset.a === id || l.dataset.b === id;
        l.classList.toggle("dim", !on);
        if (on) { near.add(l.dataset.a); near.add(l.dataset.b); }
      }
      for (const n of svg.querySelectorAll(".node")) n.classList.toggle("dim", !near.has(n.dataset.e));
    });
    svg.addEventListener("mouseout", (ev) => {
      if (!ev.target.closest(".node")) return;
      for (const x of svg.querySelectorAll(".dim")) x.classList.remove("dim");
    });

    winSel.addEventListener("change", () => { setupSlider(); dirty = true; draw(); });
    slider.addEventListener("input", () => { $("net-min-value").textContent = slider.value; });
    slider.addEventListener("change", () => { dirty = true; draw(); });
    $("net-zoom-in").addEventListener("click", () => zoom(1.25));
    $("net-zoom-out").addEventListener("click", () => zoom(0.8));
    $("net-reset").addEventListener("click", fit);
    $("net-export").addEventListener("click", () => {
      const blob = new Blob([exportSvg()], { type: "image/svg+xml" });
      const a = el("a", { href: URL.createObjectURL(blob), download: "newsner-network.svg" });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    });

    // The drawing as a standalone SVG file, with the styles it needs and the current view.
    function exportSvg() {
      const r = svg.getBoundingClientRect();
      const copy = svg.cloneNode(true);
      copy.setAttribute("xmlns", SVG);
      copy.setAttribute("width", String(Math.round(r.width)));
      copy.setAttribute("height", String(Math.round(r.height)));
      copy.setAttribute("viewBox", `0 0 ${Math.round(r.width)} ${Math.round(r.height)}`);
      const css = getComputedStyle(document.documentElement);
      const v = (n) => css.getPropertyValue(n).trim();
      const style = document.createElementNS(SVG, "style");
      style.textContent =
        `.edge{stroke:#8a94a3;stroke-opacity:.55}.node circle{stroke:#fff;stroke-width:1.5}` +
        `.node.person circle{fill:${v("--person")}}.node.group circle{fill:${v("--group")};stroke:#000;stroke-dasharray:3 2}` +
        `.node.place circle{fill:${v("--place")};stroke:#000;stroke-dasharray:1 2}` +
        `.node text{font:11px sans-serif;fill:#1d2127;paint-order:stroke;stroke:#fff;stroke-width:3px}`;
      copy.insertBefore(style, copy.firstChild);
      for (const x of copy.querySelectorAll(".dim")) x.classList.remove("dim");
      return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
    }

    // Drawn when the section is first shown (an SVG laid out while hidden has no size).
    function draw() {
      if ($("network").hidden) return;
      if (dirty) { dirty = false; build(); }
    }
    setupSlider();
    return {
      draw,
      exportSvg,
      // What the drawing shows, for tests and for the user's console.
      state: () => ({ ...drawn, passing: nodesAt(D.edges[+winSel.value], +slider.value).size }),
    };
  })();

  window.newsnerReport = { data: D, network: Net };
  overview();
  addEventListener("hashchange", showTab);
  showTab();
})();
