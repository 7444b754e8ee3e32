// question: 共现最多的实体对 / The strongest co-occurring pairs of entities
// param limit: 10 (how many pairs)
MATCH (a)-[r:CO_OCCURS_WITH]->(b)
RETURN [l IN labels(a) WHERE l <> "Entity"][0] AS label_a, a.name AS a, [l IN labels(b) WHERE l <> "Entity"][0] AS label_b, b.name AS b,
       r.weight AS sentences, r.articles AS articles
ORDER BY sentences DESC, articles DESC, a, b
LIMIT $limit
