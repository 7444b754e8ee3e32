// question: 同时提到 X 和 Y 的文章 / Articles that mention both X and Y
// param x: 北京大学 (an entity's name or alias)
// param y: 刘譞哲 (another entity's name or alias)
MATCH (a:Article)-[mx:MENTIONS]->(ex), (a)-[my:MENTIONS]->(ey)
WHERE (ex.name = $x OR $x IN ex.aliases) AND (ey.name = $y OR $y IN ey.aliases)
RETURN a.article_id AS article, a.title AS title, a.section AS section, mx.count AS x_mentions, my.count AS y_mentions
ORDER BY article
