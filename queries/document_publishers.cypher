// question: 谁发布了哪些报告和文件 / Who published which documents
// param limit: 50 (the most rows to return)
MATCH (o:Organization)-[r:PUBLISHED]->(d:Document)
RETURN d.name AS document, o.name AS publisher, r.evidence AS evidence
ORDER BY document, publisher
LIMIT $limit
