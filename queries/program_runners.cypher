// question: 谁在主办/实施哪些项目、计划和活动 / Who runs which programs and events
// param limit: 50 (the most rows to return)
MATCH (o:Organization)-[r:RUNS]->(p)
WITH p, collect(DISTINCT o.name) AS runners, collect(r.evidence)[0] AS evidence
RETURN [l IN labels(p) WHERE l <> "Entity"][0] AS kind, p.name AS program, runners, evidence
ORDER BY program
LIMIT $limit
