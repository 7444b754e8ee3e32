// Imports GEXF and GraphML files with Gephi's own importer, as Gephi's "Open" does, and writes what
// Gephi then holds as JSON: the importer's report, and every node and edge with its label and
// attribute columns.  Each file is imported twice: with the import dialog's default merge strategy
// for parallel edges (Sum) and with "Don't merge".  One JVM for all files keeps the test quick.
//
// Run (a single-file program, Java 17):
//   java -cp "$(cat target/classpath.txt)" GephiImport.java OUT.json FILE...

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Element;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Table;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.EdgeMergeStrategy;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

public final class GephiImport {

    public static void main(String[] args) throws IOException {
        List<Object> imports = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            for (EdgeMergeStrategy merge : new EdgeMergeStrategy[] {null, EdgeMergeStrategy.NO_MERGE}) {
                imports.add(importFile(new File(args[i]), merge));
            }
        }
        Files.writeString(Path.of(args[0]), json(imports), StandardCharsets.UTF_8);
        System.exit(0);  // Gephi's module system leaves non-daemon threads behind
    }

    private static Map<String, Object> importFile(File file, EdgeMergeStrategy merge) throws IOException {
        ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);
        projects.newProject();
        Workspace workspace = projects.getCurrentWorkspace();
        Container container = importer.importFile(file);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", file.getName());
        if (container == null) {
            result.put("error", "Gephi has no importer for this file");
            return result;
        }
        if (merge != null) {
            container.getLoader().setEdgesMergeStrategy(merge);
        }
        result.put("merge", container.getUnloader().getEdgesMergeStrategy().name());
        List<Object> issues = new ArrayList<>();
        for (Issue issue : container.getReport().getIssuesList(Integer.MAX_VALUE)) {
            issues.add(List.of(issue.getLevel().name(), issue.getMessage()));
        }
        result.put("issues", issues);
        importer.process(container, new DefaultProcessor(), workspace);
        GraphModel model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
        Graph graph = model.getGraph();
        result.put("dynamic", model.isDynamic());
        result.put("node_columns", columns(model.getNodeTable()));
        result.put("edge_columns", columns(model.getEdgeTable()));
        List<Object> nodes = new ArrayList<>();
        for (Node node : graph.getNodes()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", node.getId());
            entry.put("label", node.getLabel());
            entry.put("attributes", attributes(node, model.getNodeTable()));
            nodes.add(entry);
        }
        result.put("nodes", nodes);
        List<Object> edges = new ArrayList<>();
        for (Edge edge : graph.getEdges()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", edge.getId());
            entry.put("source", edge.getSource().getId());
            entry.put("target", edge.getTarget().getId());
            entry.put("kind", edge.getTypeLabel());
            entry.put("label", edge.getLabel());
            entry.put("weight", edge.getWeight());
            entry.put("directed", edge.isDirected());
            entry.put("attributes", attributes(edge, model.getEdgeTable()));
            edges.add(entry);
        }
        result.put("edges", edges);
        return result;
    }

    /** Attribute columns (not Gephi's own properties such as id, label, weight): title → Java type. */
    private static Map<String, Object> columns(Table table) {
        Map<String, Object> columns = new LinkedHashMap<>();
        for (Column column : table) {
            if (!column.isProperty()) {
                columns.put(column.getTitle(), column.getTypeClass().getSimpleName());
            }
        }
        return columns;
    }

    private static Map<String, Object> attributes(Element element, Table table) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column column : table) {
            Object value = element.getAttribute(column);
            if (!column.isProperty() && value != null) {
                values.put(column.getTitle(), value);
            }
        }
        return values;
    }

    private static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Number) {
            double number = ((Number) value).doubleValue();
            out.append(Double.isFinite(number) ? Double.toString(number) : "null");
        } else if (value instanceof Map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                out.append(separator);
                write(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List) {
            out.append('[');
            String separator = "";
            for (Object item : (List<?>) value) {
                out.append(separator);
                write(item, out);
                separator = ",";
            }
            out.append(']');
        } else {
            String text = value.toString();
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            out.append('"');
        }
    }
}
