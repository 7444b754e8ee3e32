// question: 某实体在各期简报中的提及次数 / Mentions of an entity in each issue, in the order the issues appeared
// param entity: 浙江省 (an entity's name or one of its aliases)
MATCH (e:Entity)
WHERE e.name = $entity OR $entity IN e.aliases
MATCH (i:Issue)
OPTIONAL MATCH (i)-[:HAS_ARTICLE]->(:Article)-[m:MENTIONS]->(e)
WITH i, sum(m.count) AS mentions
RETURN i.date AS date, i.number AS number, i.name AS issue, mentions
ORDER BY coalesce(date, '0000-00-00'), issue
