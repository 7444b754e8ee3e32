// question: 某机构的人员及职务 / People holding positions in an organization
// param org: 浙江省科技厅 (the organization's name or one of its aliases)
MATCH (p:Person)-[r:HOLDS_POSITION]->(o:Organization)
WHERE o.name = $org OR $org IN o.aliases
RETURN p.name AS person, r.title AS title, o.name AS organization, r.evidence AS evidence
ORDER BY person, title
