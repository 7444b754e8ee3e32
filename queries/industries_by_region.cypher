// question: 各地区文章涉及的产业 / Industries by region: the industries of the articles that mention each region
// param limit: 100 (the most rows to return)
MATCH (r:Region)<-[:MENTIONS]-(a:Article)-[about:ABOUT]->(i:Industry)
WITH r, i, count(DISTINCT a) AS articles, max(about.score) AS best_score
RETURN r.name AS region, i.name AS industry, articles, best_score
ORDER BY region, articles DESC, best_score DESC, industry
LIMIT $limit
