// Loads a kg cytoscape.json into Cytoscape.js (headless) and prints, as JSON, what Cytoscape.js then
// holds: every node and edge with its data, the label a `label: data(label)` style shows, whether a
// node became a compound parent or child, and every warning Cytoscape.js printed while loading.
//
// Run: node load.mjs cytoscape.json
import { readFileSync } from "node:fs";
import cytoscape from "cytoscape";

const warnings = [];
for (const level of ["warn", "error"]) {
  console[level] = (...parts) => warnings.push(parts.join(" "));
}
const exported = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const cy = cytoscape({
  headless: true,
  styleEnabled: true,
  elements: exported.elements,
  style: [{ selector: "node, edge", style: { label: "data(label)" } }],
});
const summary = {
  warnings,
  nodes: cy.nodes().map((node) => ({
    id: node.id(),
    shown: node.style("label"),
    compound: node.isParent() || node.isChild(),
    data: node.data(),
  })),
  edges: cy.edges().map((edge) => ({
    id: edge.id(),
    source: edge.source().id(),
    target: edge.target().id(),
    shown: edge.style("label"),
    data: edge.data(),
  })),
};
cy.destroy();
// Cytoscape.js keeps a render timer going even headless: end once the output is written.
process.stdout.write(JSON.stringify(summary), () => process.exit(0));
