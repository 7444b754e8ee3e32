// kg's graph explorer: draws the embedded data with vis-network at the
// positions computed at build time (no physics: the same picture every
// time), and wires the search box, the filters (label, industry, region,
// date) and the side panel that lists a node's articles and evidence.
// A node is drawn when its label is ticked, it passes the filters and it has
// a drawn edge to another drawn node (nothing floats); the selected node is
// drawn whatever the filters say.  A large graph opens on the search box:
// selecting a node draws it and its neighbours, a click draws more.
"use strict";
(function () {
  // Labels smaller than LABEL_PX on screen are not drawn; the page opens at READABLE_SCALE or closer.
  const LABEL_PX = 13;
  const READABLE_SCALE = 0.8;
  const PANEL_ROWS = 100;
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const style = new Map(data.labels.map((entry) => [entry.label, entry]));
  const shownLabels = new Set(data.labels.filter((entry) => entry.shown && entry.drawn).map((entry) => entry.label));
  const nodes = data.nodes.map((row, index) => ({
    index, id: row[0], name: row[1], label: data.labels[row[2]].label, aliases: row[3], pagerank: row[4],
    x: row[5], y: row[6], industries: row[7], regions: row[8], date: row[9], where: row[10],
  }));
  const indexById = new Map(nodes.map((node) => [node.id, node.index]));
  const drawable = (node) => style.get(node.label).drawn && node.x !== null;
  const drawableTotal = nodes.filter(drawable).length;

  // Adjacency: drawn edges and evidence sentences per node.
  const edges = data.edges.map(([from, to, type], index) => ({ index, from, to, type: data.types[type] }));
  const edgesOf = nodes.map(() => []);
  for (const edge of edges) {
    edgesOf[edge.from].push(edge);
    edgesOf[edge.to].push(edge);
  }
  const evidenceOf = nodes.map(() => []);
  for (const [from, to, type, sentence, article, role, start] of data.evidence) {
    const entry = { from, to, type: data.types[type].type, sentence, article, role, start };
    evidenceOf[from].push(entry);
    if (to !== from) evidenceOf[to].push(entry);
    if (article >= 0 && article !== from && article !== to) evidenceOf[article].push(entry);
  }
  const other = (edge, index) => (edge.from === index ? edge.to : edge.from);
  const articlesByIndustry = new Map();
  for (const node of nodes) {
    if (node.label !== "Article") continue;
    for (const industry of node.industries) {
      if (!articlesByIndustry.has(industry)) articlesByIndustry.set(industry, []);
      articlesByIndustry.get(industry).push(node.index);
    }
  }
  function articlesOf(index) {
    if (nodes[index].label === "Industry") return articlesByIndustry.get(index) || [];
    const found = new Set(edgesOf[index].map((edge) => other(edge, index))
      .filter((neighbour) => nodes[neighbour].label === "Article"));
    return [...found].sort((a, b) => articleOrder(nodes[a], nodes[b]));
  }
  const articleOrder = (a, b) => String(a.where[1]).localeCompare(String(b.where[1])) || a.where[2] - b.where[2];
  // An article's or issue's date is its own; an entity's, those of the articles naming it.
  const datesOf = (index) => (nodes[index].date ? [nodes[index].date] : articlesOf(index).map((a) => nodes[a].date))
    .filter(Boolean);

  // What is drawn.
  const revealed = new Set(data.search_first ? [] : nodes.filter(drawable).map((node) => node.index));
  let selected = null;
  const filters = { industry: null, region: null, from: "", to: "" };
  function passes(node) {
    if (!shownLabels.has(node.label)) return false;
    if (filters.industry !== null && !node.industries.includes(filters.industry)) return false;
    if (filters.region !== null && !node.regions.includes(filters.region)) return false;
    if (filters.from || filters.to) {
      return datesOf(node.index).some((date) => (!filters.from || date >= filters.from) && (!filters.to || date <= filters.to));
    }
    return true;
  }
  const visNodes = new vis.DataSet();
  const visEdges = new vis.DataSet();
  function visNode(node) {
    const entry = style.get(node.label);
    return {
      id: node.id, label: node.name, x: node.x, y: node.y, value: node.pagerank,
      title: `${entry.caption || node.label}: ${node.name}`, color: entry.color,
    };
  }
  function visEdge(edge) {
    const evidenced = edge.type.evidence;
    return {
      id: edge.index, from: nodes[edge.from].id, to: nodes[edge.to].id, title: edge.type.type, arrows: evidenced ? "to" : "",
      width: evidenced ? 1.5 : 1, color: { color: evidenced ? "#777" : "#d8d8d8", inherit: false },
    };
  }
  function refresh() {
    const candidates = new Set();
    for (const index of revealed) if (passes(nodes[index]) || index === selected) candidates.add(index);
    const shownEdges = [];
    const linked = new Set();
    for (const index of candidates) {
      for (const edge of edgesOf[index]) {
        if (edge.from === index && candidates.has(edge.to)) {
          shownEdges.push(edge);
          linked.add(edge.from);
          linked.add(edge.to);
        }
      }
    }
    if (selected !== null && candidates.has(selected)) linked.add(selected);
    sync(visNodes, new Set([...linked].map((index) => nodes[index].id)), (id) => visNode(nodes[indexById.get(id)]));
    sync(visEdges, new Set(shownEdges.map((edge) => edge.index)), (index) => visEdge(edges[index]));
    status.textContent = `${linked.size} / ${drawableTotal} nodes drawn`;
    document.getElementById("hint").hidden = linked.size > 0;
  }
  function sync(dataSet, wanted, make) {
    const gone = dataSet.getIds().filter((id) => !wanted.has(id));
    if (gone.length) dataSet.remove(gone);
    const added = [...wanted].filter((id) => !dataSet.get(id)).map(make);
    if (added.length) dataSet.add(added);
  }

  const status = document.getElementById("status");
  const element = (tag, text, className) => {
    const made = document.createElement(tag);
    if (text !== undefined) made.textContent = text;
    if (className) made.className = className;
    return made;
  };
  const swatch = (label) => {
    const dot = element("span", undefined, "swatch");
    dot.style.background = style.get(label).color;
    return dot;
  };

  // Legend and label filter in one: a checkbox per drawn label, coloured as drawn.
  const legend = document.getElementById("legend");
  const checkboxes = new Map();
  for (const entry of data.labels.filter((label) => label.drawn)) {
    const box = element("input");
    box.type = "checkbox";
    box.checked = shownLabels.has(entry.label);
    box.dataset.label = entry.label;
    box.addEventListener("change", () => showLabel(entry.label, box.checked));
    checkboxes.set(entry.label, box);
    const caption = `${entry.caption ? entry.caption + " " : ""}${entry.label} (${entry.count})`;
    const row = element("label");
    row.append(box, " ", swatch(entry.label), " ", caption);
    legend.append(row);
  }
  function showLabel(label, shown) {
    if (shown) shownLabels.add(label); else shownLabels.delete(label);
    checkboxes.get(label).checked = shown;
    refresh();
  }

  // Industry, region and date filters.
  function fillSelect(select, options) {
    for (const option of options) {
      const item = element("option", `${option.name} (${option.count})`);
      item.value = String(option.node);
      select.append(item);
    }
  }
  const industrySelect = document.getElementById("industry");
  const regionSelect = document.getElementById("region");
  fillSelect(industrySelect, data.industries);
  fillSelect(regionSelect, data.regions);
  const chosen = (select) => (select.value === "" ? null : Number(select.value));
  industrySelect.addEventListener("change", () => { filters.industry = chosen(industrySelect); refresh(); });
  regionSelect.addEventListener("change", () => { filters.region = chosen(regionSelect); refresh(); });
  const dates = nodes.map((node) => node.date).filter(Boolean).sort();
  for (const [id, key] of [["date-from", "from"], ["date-to", "to"]]) {
    const input = document.getElementById(id);
    if (dates.length) { input.min = dates[0]; input.max = dates[dates.length - 1]; }
    input.addEventListener("change", () => { filters[key] = input.value; refresh(); });
  }
  function chooseIndustry(index) {
    industrySelect.value = String(index);
    filters.industry = index;
    refresh();
  }

  const panel = document.getElementById("panel");
  // A list of the panel: its first PANEL_ROWS items, and a button for the rest (a region of a
  // 1,000-issue build is named in thousands of articles, too many to lay out at each click).
  function rows(id, items, render) {
    const list = element("ol");
    list.id = id;
    const more = (from) => {
      list.append(...items.slice(from, from + PANEL_ROWS).map(render));
      if (items.length > from + PANEL_ROWS) {
        const button = element("button", `显示其余 ${items.length - from - PANEL_ROWS} 条 · show the other ${items.length - from - PANEL_ROWS}`);
        button.type = "button";
        const item = element("li", undefined, "more");
        item.append(button);
        button.addEventListener("click", () => { item.remove(); more(from + PANEL_ROWS); });
        list.append(item);
      }
    };
    more(0);
    return list;
  }
  function showPanel(index) {
    const node = nodes[index];
    const articles = articlesOf(index);
    const evidence = [...evidenceOf[index]].sort((a, b) => a.article - b.article || a.start - b.start);
    const meta = element("p", undefined, "meta");
    const caption = style.get(node.label).caption;
    meta.append(swatch(node.label), ` ${caption ? caption + " " : ""}${node.label}`);
    if (node.aliases.length) meta.append(` · 别称 ${node.aliases.join("、")}`);
    if (node.pagerank) meta.append(` · PageRank ${node.pagerank}`);
    const when = datesOf(index).sort();
    if (when.length) meta.append(` · ${when[0]}${when[when.length - 1] !== when[0] ? " – " + when[when.length - 1] : ""}`);

    const articleList = rows("panel-articles", articles.map((a) => nodes[a]), (article) => {
      const item = element("li");
      const link = element("a", article.name);
      link.href = "#";
      link.addEventListener("click", (event) => { event.preventDefault(); select(article.index); });
      const where = [article.where[0], article.where[1], article.date].filter(Boolean).join(" · ");
      item.append(link, " ", element("span", where, "meta"));
      return item;
    });
    const evidenceList = rows("panel-evidence", evidence, (entry) => {
      const item = element("li");
      const relation = `${nodes[entry.from].name} —${entry.type}${entry.role ? "（" + entry.role + "）" : ""}→ ${nodes[entry.to].name}`;
      item.append(element("div", relation, "meta"), element("blockquote", entry.sentence));
      if (entry.article >= 0) item.append(element("div", `— ${nodes[entry.article].name}`, "meta"));
      return item;
    });
    panel.replaceChildren(
      element("h2", node.name), meta,
      element("h3", `文章 Articles (${articles.length})`), articles.length ? articleList : element("p", "—", "empty"),
      element("h3", `证据 Evidence (${evidence.length})`), evidence.length ? evidenceList : element("p", "—", "empty"),
    );
  }

  // Draws the neighbours of a node not drawn yet: all of them in the full view, at most
  // expand_at_most (highest PageRank first) per call in a large graph.
  function expand(index) {
    const waiting = [...new Set(edgesOf[index].map((edge) => other(edge, index)))]
      .filter((neighbour) => drawable(nodes[neighbour]) && !revealed.has(neighbour) && passes(nodes[neighbour]))
      .sort((a, b) => nodes[b].pagerank - nodes[a].pagerank || a - b);
    const taken = data.search_first ? waiting.slice(0, data.expand_at_most) : waiting;
    for (const neighbour of taken) revealed.add(neighbour);
    return waiting.length - taken.length;
  }
  function select(index) {
    const node = nodes[index];
    showPanel(index);
    if (node.label === "Industry") {
      chooseIndustry(index);
      return;
    }
    if (!shownLabels.has(node.label)) showLabel(node.label, true);
    selected = index;
    revealed.add(index);
    const left = expand(index);
    refresh();
    network.selectNodes([node.id]);
    const around = [node.id, ...network.getConnectedNodes(node.id)];
    if (data.search_first) network.fit({ nodes: around, animation: false });
    network.focus(node.id, { scale: Math.max(network.getScale(), 1), animation: false });
    if (left) status.textContent += ` · ${left} more neighbours: click the node again`;
  }
  // Search by name or alias: exact matches first, then prefixes, then
  // substrings; within each, drawn labels before hidden ones, then PageRank.
  const search = document.getElementById("search");
  const matchList = document.getElementById("matches");
  function matches(query) {
    const wanted = query.trim().toLowerCase();
    if (!wanted) return [];
    const ranked = [];
    for (const node of nodes) {
      const names = [node.name, ...node.aliases].map((name) => name.toLowerCase());
      const rank = names.includes(wanted) ? 0 : names.some((name) => name.startsWith(wanted)) ? 1
        : names.some((name) => name.includes(wanted)) ? 2 : -1;
      if (rank >= 0) ranked.push([rank, shownLabels.has(node.label) ? 0 : 1, -node.pagerank, node]);
    }
    ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    return ranked.slice(0, 12).map(([rank, , , node]) => ({ rank, node }));
  }
  function choose(node) {
    matchList.replaceChildren();
    select(node.index);
  }
  function matchButton(node) {
    const button = element("button");
    button.type = "button";
    button.append(swatch(node.label), ` ${node.name}`);
    button.addEventListener("click", () => choose(node));
    const item = element("li");
    item.append(button);
    return item;
  }
  search.addEventListener("input", () => {
    const query = search.value.trim();
    const found = matches(query);
    if (query && !found.length) {
      const none = element("li", `没有匹配“${query}”的名称 · No name matches “${query}”`, "no-match");
      none.id = "no-match";
      matchList.replaceChildren(none);
      return;
    }
    matchList.replaceChildren(...found.map(({ node }) => matchButton(node)));
    if (found.length && found[0].rank === 0) {
      if (found.length === 1) matchList.replaceChildren();
      select(found[0].node.index);
    }
  });
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      const found = matches(search.value);
      if (found.length) choose(found[0].node);
    } else if (event.key === "Escape") {
      matchList.replaceChildren();
    }
  });
  document.addEventListener("pointerdown", (event) => {
    if (!document.getElementById("search-box").contains(event.target)) matchList.replaceChildren();
  }, true);

  // A large graph starts from the search box and its most central entities.
  const hint = document.getElementById("hint");
  if (data.search_first) {
    const top = nodes.filter((node) => drawable(node) && node.pagerank > 0)
      .sort((a, b) => b.pagerank - a.pagerank || a.index - b.index).slice(0, 12);
    const list = element("ul");
    list.id = "start-from";
    list.append(...top.map(matchButton));
    hint.append(
      element("p", `图中有 ${drawableTotal} 个节点，太多，不能一次画出：搜索一个名称，或从下面开始；点击节点展开它的邻居。`),
      element("p", "Too many nodes to draw at once: search for a name or start below; click a node to draw its neighbours.", "meta"),
      list,
    );
    search.focus();
  } else {
    hint.append(element("p", "没有节点符合筛选条件 · No node passes the filters.", "meta"));
  }
  // The network last: the header is complete, so the canvas has its final size.
  refresh();  // before the network exists, which fits its first view to what it is given; the opening view is set below
  const network = new vis.Network(document.getElementById("network"), { nodes: visNodes, edges: visEdges }, {
    nodes: {
      shape: "dot",
      // Size by PageRank; labels grow with it, and one smaller than
      // drawThreshold pixels on screen is not drawn: at any zoom, the labels
      // drawn are readable, the most central ones first.
      scaling: { min: 5, max: 26, label: { enabled: true, min: 11, max: 24, maxVisible: 24, drawThreshold: LABEL_PX } },
      font: { face: getComputedStyle(document.body).fontFamily, strokeWidth: 3, strokeColor: "#ffffff" },
    },
    edges: { smooth: false },
    layout: { improvedLayout: false },
    physics: { enabled: false, stabilization: { enabled: false, fit: false } },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: data.search_first },
  });

  network.on("click", (params) => {
    if (!params.nodes.length) return;
    const index = indexById.get(params.nodes[0]);
    showPanel(index);
    if (data.search_first) {
      selected = index;
      const left = expand(index);
      refresh();
      if (left) status.textContent += ` · ${left} more neighbours: click the node again`;
    }
  });

  // The whole graph if its labels can be read so; else the middle, where the largest piece lies, at a
  // scale that draws the labels of the entities that matter (the rest appear as one zooms in).
  if (!data.search_first) {
    network.fit({ animation: false });
    if (network.getScale() < READABLE_SCALE) {
      network.moveTo({ position: { x: 0, y: 0 }, scale: READABLE_SCALE, animation: false });
    }
  }
  network.once("afterDrawing", () => {
    window.kgReadyAt = performance.now();  // time to interactive, for benchmarks/explorer.py
    document.body.dataset.ready = "true";
  });

  // For the browser test and for anyone exploring from the console.
  window.kgView = { network, nodes, indexById, visNodes, visEdges, select, filters, revealed };
})();
