// question: 某机构及其下属单位的合作网络（三步以内） / The partnership network of an organization and its sub-units (PART_OF), up to three steps away
// param org: 浙江省科技厅 (the organization's name or one of its aliases)
MATCH (top:Organization)
WHERE top.name = $org OR $org IN top.aliases
MATCH (unit:Organization)-[:PART_OF*0..6]->(top)
WITH collect(DISTINCT unit) AS units
UNWIND units AS unit
MATCH path = shortestPath((unit)-[:PARTNERS_WITH*1..3]-(partner:Organization))
WHERE NOT partner IN units
WITH partner, path
ORDER BY length(path), [n IN nodes(path) | n.name]
WITH partner, collect(path)[0] AS path
RETURN partner.name AS partner,
       length(path) AS steps,
       [n IN nodes(path) | n.name] AS via,
       last(relationships(path)).evidence AS evidence
ORDER BY steps, partner
