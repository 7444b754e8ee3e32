// question: 最新一期中首次出现的实体 / What is new in the latest issue: entities no earlier issue mentions
// param issue: latest (an issue's file name or id, or "latest": the last issue by date, then file name; undated issues count as the earliest)
MATCH (candidate:Issue)
WHERE $issue IN ['latest', candidate.name, candidate.issue_id]
WITH candidate AS latest ORDER BY coalesce(candidate.date, '0000-00-00') + candidate.name DESC LIMIT 1
MATCH (latest)-[:HAS_ARTICLE]->(a:Article)-[:MENTIONS]->(e)
WHERE NOT EXISTS {
  MATCH (earlier:Issue)-[:HAS_ARTICLE]->(:Article)-[:MENTIONS]->(e)
  WHERE coalesce(earlier.date, '0000-00-00') + earlier.name < coalesce(latest.date, '0000-00-00') + latest.name
}
WITH e, min(a.position) AS first_article
RETURN [l IN labels(e) WHERE l <> "Entity"][0] AS label, e.name AS entity, first_article
ORDER BY label, entity
