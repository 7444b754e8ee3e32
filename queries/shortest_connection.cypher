// question: 两个实体之间最短的关系链（不经文章和共现） / The shortest chain of typed relations between two entities
// param source: 高鹰忠 (the first entity's name or alias)
// param target: 浙江省金融控股有限公司 (the second entity's name or alias)
MATCH (a) WHERE NOT a:Article AND NOT a:Issue AND (a.name = $source OR $source IN coalesce(a.aliases, []))
MATCH (b) WHERE NOT b:Article AND NOT b:Issue AND (b.name = $target OR $target IN coalesce(b.aliases, []))
MATCH path = shortestPath((a)-[:HOLDS_POSITION|LOCATED_IN|PART_OF|PARTNERS_WITH|RUNS|PUBLISHED|PARTICIPATES_IN*..8]-(b))
RETURN length(path) AS steps,
       [n IN nodes(path) | n.name] AS chain,
       [r IN relationships(path) | type(r)] AS relations,
       [r IN relationships(path) | r.evidence] AS evidence
