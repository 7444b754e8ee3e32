// question: 各产业中关系最多的机构 / The most-connected organizations in each industry
// param top: 3 (organizations per industry)
MATCH (i:Industry)<-[:ABOUT]-(:Article)-[:MENTIONS]->(o:Organization)
WITH DISTINCT i, o
CALL (o) {
  MATCH (o)-[r]-()
  WHERE r.evidence IS NOT NULL
  RETURN count(r) AS relations
}
WITH i, o, relations
ORDER BY i.name, relations DESC, o.name
WITH i, collect({organization: o.name, relations: relations})[..$top] AS best
UNWIND best AS row
RETURN i.name AS industry, row.organization AS organization, row.relations AS relations
ORDER BY industry, relations DESC, organization
