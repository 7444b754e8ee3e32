"""The graph: `KnowledgeGraph` (knowledge.py), assembled from extractions (assemble.py), checked against
`schemas/graph.yaml` (schema.py), merged across articles (identity.py), summarised (summary.py)."""
