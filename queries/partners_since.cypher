// question: 某机构及其下属单位自何时起与各方合作 / Since when an organization and its sub-units (PART_OF) have partnered with each partner: the first and last date stated, and the first sentence
// param org: 浙江省科技厅 (the organization's name or one of its aliases)
MATCH (top:Organization)
WHERE top.name = $org OR $org IN top.aliases
MATCH (unit:Organization)-[:PART_OF*0..6]->(top)
WITH collect(DISTINCT unit) AS units
UNWIND units AS unit
MATCH (unit)-[r:PARTNERS_WITH]-(partner:Organization)
WHERE NOT partner IN units
WITH partner, unit, r ORDER BY r.date, r.article
WITH partner, collect(r) AS stated, collect(DISTINCT unit.name) AS via
RETURN partner.name AS partner, stated[0].date AS since, last(stated).date AS last_stated, size(stated) AS articles,
       via, stated[0].evidence AS evidence
ORDER BY since, partner
