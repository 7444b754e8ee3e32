// question: 某期简报的文章及其提到的实体数 / An issue's articles in order, with how many entities each mentions
// param issue: 000_37a592d5b46665a4.txt (an issue's file name or its id)
MATCH (i:Issue)-[:HAS_ARTICLE]->(a:Article)
WHERE i.name = $issue OR i.issue_id = $issue
OPTIONAL MATCH (a)-[:MENTIONS]->(e)
RETURN a.position AS position, a.section AS section, a.title AS title, count(e) AS entities
ORDER BY position
