// question: 某机构及其下属单位的人员及职务 / People holding positions in an organization or in any of its sub-units (PART_OF, e.g. a university's schools)
// param org: 浙江省科技厅 (the organization's name or one of its aliases)
MATCH (top:Organization)
WHERE top.name = $org OR $org IN top.aliases
MATCH (unit:Organization)-[:PART_OF*0..6]->(top)
WITH DISTINCT unit
MATCH (p:Person)-[r:HOLDS_POSITION]->(unit)
RETURN p.name AS person, r.title AS title, unit.name AS organization, r.evidence AS evidence
ORDER BY person, title, organization
