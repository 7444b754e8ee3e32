// question: 某时期内新建立的合作关系 / Partnerships formed in a period: pairs of organizations first stated to partner between two dates (by the date of the article saying so)
// param since: 2024-12-01 (YYYY-MM-DD, included)
// param until: 2024-12-31 (YYYY-MM-DD, included)
MATCH (a:Organization)-[r:PARTNERS_WITH]-(b:Organization)
WHERE a.name < b.name AND r.date IS NOT NULL
WITH a, b, r ORDER BY r.date, r.article
WITH a, b, collect(r) AS stated
WITH a, b, stated, stated[0].date AS since
WHERE $since <= since <= $until
RETURN since, a.name AS organization, b.name AS partner, last(stated).date AS last_stated, size(stated) AS articles,
       stated[0].evidence AS evidence
ORDER BY since DESC, organization, partner
