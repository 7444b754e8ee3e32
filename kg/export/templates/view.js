// kg's graph view: draws the embedded data with vis-network, and wires the
// search box, the label filter (which is also the colour legend) and the
// side panel that lists a node's articles and evidence sentences.
"use strict";
(function () {
  const LAYOUT_STEPS = 200;
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const style = new Map(data.labels.map((entry) => [entry.label, entry]));
  const shownLabels = new Set(data.labels.filter((entry) => entry.shown).map((entry) => entry.label));
  const byId = new Map(data.nodes.map((node) => [node.id, node]));

  const nodes = new vis.DataSet(data.nodes.map((node) => ({
    id: node.id,
    label: node.name,
    title: `${node.label}: ${node.name}`,
    color: style.get(node.label).color,
    value: node.degree,
    kgLabel: node.label,
  })));
  const edges = new vis.DataSet(data.edges.map((edge) => ({
    id: edge.id,
    from: edge.from,
    to: edge.to,
    title: edge.type,
    arrows: edge.evidence ? "to" : "",
    width: edge.evidence ? 1.5 : 1,
    color: { color: edge.evidence ? "#777" : "#d4d4d4", inherit: false },
  })));
  // Edges whose ends are filtered out are not drawn, so only nodes need a view.
  const shownNodes = new vis.DataView(nodes, { filter: (node) => shownLabels.has(node.kgLabel) });
  const network = new vis.Network(document.getElementById("network"), { nodes: shownNodes, edges }, {
    nodes: {
      shape: "dot",
      scaling: { min: 8, max: 36 },
      font: { face: getComputedStyle(document.body).fontFamily },  // the page's CJK font list
    },
    // Straight edges: curved ones double the layout time of a large graph.
    edges: { smooth: false },
    // Lay out in a bounded number of hidden steps, then freeze: the page
    // stays idle and nodes stay where they are clicked, however big the graph.
    layout: { improvedLayout: false },
    physics: { stabilization: { iterations: LAYOUT_STEPS, updateInterval: 25 } },
    interaction: { hover: true, tooltipDelay: 150 },
  });
  const status = document.getElementById("status");
  network.on("stabilizationProgress", ({ iterations, total }) => {
    status.textContent = `布局中 laying out… ${Math.round((100 * iterations) / total)}%`;
  });
  network.on("stabilizationIterationsDone", () => {
    network.setOptions({ physics: { enabled: false } });
    status.textContent = `${shownNodes.length} / ${nodes.length} nodes`;
    document.body.dataset.ready = "true";
  });
  const relayout = () => {
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(LAYOUT_STEPS);
  };

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

  // Legend and filter in one: a checkbox per label, coloured as drawn.
  const legend = document.getElementById("legend");
  const checkboxes = new Map();
  for (const entry of data.labels) {
    const box = element("input");
    box.type = "checkbox";
    box.checked = entry.shown;
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
    shownNodes.refresh();
    relayout();
  }

  const panel = document.getElementById("panel");
  function showPanel(id) {
    const node = byId.get(id);
    const { articles, evidence } = data.panels[id];
    const meta = element("p", undefined, "meta");
    const caption = style.get(node.label).caption;
    meta.append(swatch(node.label), ` ${caption ? caption + " " : ""}${node.label}`);
    if (node.aliases.length) meta.append(` · 别称 ${node.aliases.join("、")}`);

    const articleList = element("ol");
    articleList.id = "panel-articles";
    for (const article of articles) {
      const item = element("li");
      const link = element("a", article.title);
      link.href = "#";
      link.addEventListener("click", (event) => { event.preventDefault(); select(article.id); });
      const where = [article.section, article.source || article.issue].filter(Boolean).join(" · ");
      item.append(link, " ", element("span", where, "meta"));
      articleList.append(item);
    }
    const evidenceList = element("ol");
    evidenceList.id = "panel-evidence";
    for (const entry of evidence) {
      const item = element("li");
      const relation = `${entry.subject} —${entry.type}${entry.role ? "（" + entry.role + "）" : ""}→ ${entry.object}`;
      item.append(element("div", relation, "meta"), element("blockquote", entry.sentence));
      if (entry.title) item.append(element("div", `— ${entry.title}`, "meta"));
      evidenceList.append(item);
    }
    panel.replaceChildren(
      element("h2", node.name), meta,
      element("h3", `文章 Articles (${articles.length})`), articles.length ? articleList : element("p", "—", "empty"),
      element("h3", `证据 Evidence (${evidence.length})`), evidence.length ? evidenceList : element("p", "—", "empty"),
    );
  }

  function select(id) {
    const focus = () => {
      network.selectNodes([id]);
      network.focus(id, { scale: 1.2, animation: { duration: 300 } });
    };
    const label = byId.get(id).label;
    if (shownLabels.has(label)) {
      focus();
    } else {
      // Showing the label lays the graph out again: focus where the node ends up.
      network.once("stabilizationIterationsDone", focus);
      showLabel(label, true);
    }
    showPanel(id);
  }
  network.on("click", (params) => { if (params.nodes.length) showPanel(params.nodes[0]); });

  // Search by name or alias: exact matches first, then prefixes, then
  // substrings; within each, drawn labels before filtered-out ones, then degree.
  const search = document.getElementById("search");
  const matchList = document.getElementById("matches");
  function matches(query) {
    const wanted = query.trim().toLowerCase();
    if (!wanted) return [];
    const ranked = [];
    for (const node of data.nodes) {
      const names = [node.name, ...node.aliases].map((name) => name.toLowerCase());
      const rank = names.includes(wanted) ? 0 : names.some((name) => name.startsWith(wanted)) ? 1
        : names.some((name) => name.includes(wanted)) ? 2 : -1;
      if (rank >= 0) ranked.push([rank, shownLabels.has(node.label) ? 0 : 1, -node.degree, node]);
    }
    ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    return ranked.slice(0, 12).map(([rank, , , node]) => ({ rank, node }));
  }
  function choose(node) {
    matchList.replaceChildren();
    select(node.id);
  }
  search.addEventListener("input", () => {
    const found = matches(search.value);
    matchList.replaceChildren(...found.map(({ node }) => {
      const button = element("button");
      button.type = "button";
      button.append(swatch(node.label), ` ${node.name}`);
      button.addEventListener("click", () => choose(node));
      const item = element("li");
      item.append(button);
      return item;
    }));
    if (found.length && found[0].rank === 0) {
      if (found.length === 1) matchList.replaceChildren();
      select(found[0].node.id);
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

  // For the browser test and for anyone exploring from the console.
  window.kgView = { network, nodes, shownNodes, select };
})();
