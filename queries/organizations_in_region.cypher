// question: 某地区（含下辖地区）的机构 / Organizations in a region, including its sub-regions
// param region: 河北省 (a region's name, e.g. a province)
MATCH (top:Region)
WHERE top.name = $region OR $region IN top.aliases
MATCH (o:Organization)-[:LOCATED_IN]->(place:Region)-[:PART_OF|LOCATED_IN*0..6]->(top)
WITH o, collect(DISTINCT place.name) AS places
RETURN o.name AS organization, places
ORDER BY organization
