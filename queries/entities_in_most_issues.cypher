// question: 出现在最多期简报中的实体 / Entities that appear in the most issues
// param limit: 10 (how many entities)
MATCH (i:Issue)-[:HAS_ARTICLE]->(a:Article)-[m:MENTIONS]->(e)
WITH e, count(DISTINCT i) AS issues, count(DISTINCT a) AS articles, sum(m.count) AS mentions
RETURN [l IN labels(e) WHERE l <> "Entity"][0] AS label, e.name AS entity, issues, articles, mentions
ORDER BY issues DESC, articles DESC, mentions DESC, entity
LIMIT $limit
