// question: 最核心的机构（PageRank） / The most central organizations: PageRank on the typed relations weighted by evidence, with betweenness, community and main industry
// param limit: 10 (how many organizations)
MATCH (o:Organization)
WHERE o.pagerank IS NOT NULL
RETURN o.name AS organization, o.pagerank AS pagerank, o.betweenness AS betweenness, o.degree AS relations,
       o.mentions AS mentions, o.community AS community, o.industry AS industry
ORDER BY pagerank DESC, organization
LIMIT $limit
