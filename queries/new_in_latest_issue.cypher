// question: 最新一期中首次出现的实体 / What is new in the latest issue: entities no earlier issue mentions
// param issue: latest (an issue's file name or id, or "latest": the last issue by file name)
MATCH (candidate:Issue)
WHERE $issue IN ['latest', candidate.name, candidate.issue_id]
WITH candidate AS latest ORDER BY candidate.name DESC LIMIT 1
MATCH (latest)-[:HAS_ARTICLE]->(a:Article)-[:MENTIONS]->(e)
WHERE NOT EXISTS {
  MATCH (earlier:Issue)-[:HAS_ARTICLE]->(:Article)-[:MENTIONS]->(e)
  WHERE earlier.name < latest.name
}
WITH e, min(a.position) AS first_article
RETURN [l IN labels(e) WHERE l <> "Entity"][0] AS label, e.name AS entity, first_article
ORDER BY label, entity
