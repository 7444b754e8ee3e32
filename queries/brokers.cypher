// question: 连接不同社区或产业的中介 / Brokers: entities on shortest paths whose ties join communities or industries (regions left out: they join places by nature), by betweenness
// param limit: 10 (how many brokers)
MATCH (b:Entity)
WHERE b.betweenness > 0 AND (b.communities_joined > 1 OR b.industries_joined > 1) AND NOT b:Region
RETURN [l IN labels(b) WHERE l <> "Entity"][0] AS label, b.name AS broker, b.betweenness AS betweenness,
       b.communities_joined AS communities, b.industries_joined AS industries, b.community AS community
ORDER BY betweenness DESC, b.pagerank DESC, broker
LIMIT $limit
