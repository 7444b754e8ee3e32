// question: 提及增多的实体 / Rising entities: more mentions in the last N dated issues than in the N issues before them
// param window: 1 (N, how many issues each side compares)
// param limit: 10 (how many entities)
MATCH (i:Issue)
WHERE i.date IS NOT NULL
WITH i ORDER BY i.date DESC, i.name DESC
WITH collect(i) AS issues
WITH issues[0..$window] AS recent, issues[$window..2 * $window] AS before
MATCH (i:Issue)-[:HAS_ARTICLE]->(:Article)-[m:MENTIONS]->(e)
WHERE i IN recent OR i IN before
WITH e, sum(CASE WHEN i IN recent THEN m.count ELSE 0 END) AS last_n,
     sum(CASE WHEN i IN before THEN m.count ELSE 0 END) AS n_before
WHERE last_n > n_before
RETURN [l IN labels(e) WHERE l <> "Entity"][0] AS label, e.name AS entity, last_n, n_before, last_n - n_before AS rise
ORDER BY rise DESC, last_n DESC, entity
LIMIT $limit
