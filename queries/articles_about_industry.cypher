// question: 某产业（含子产业）的文章 / Articles about an industry, including its sub-industries
// param industry: 新一代信息技术 (an industry of data/industries.yaml)
MATCH (top:Industry {name: $industry})
MATCH (i:Industry)
WHERE i = top OR i.parent = top.name
   OR EXISTS { MATCH (mid:Industry {name: i.parent}) WHERE mid.parent = top.name }
MATCH (a:Article)-[about:ABOUT]->(i)
RETURN a.article_id AS article, a.title AS title, i.name AS industry, about.rank AS rank, about.score AS score
ORDER BY article, rank
