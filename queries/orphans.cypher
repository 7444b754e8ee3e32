// question: 数据质量：孤立节点（没有任何关系，或没有文章提到的实体） / Data quality: orphans, nodes with no relationship at all and entities no article mentions
MATCH (n)
WHERE NOT (n)--() OR ((n:Organization OR n:Region OR n:Person OR n:Program OR n:Document OR n:Event)
                      AND NOT ()-[:MENTIONS]->(n))
RETURN [l IN labels(n) WHERE l <> "Entity"][0] AS label, n.name AS name,
       CASE WHEN NOT (n)--() THEN 'no relationships' ELSE 'never mentioned' END AS problem
ORDER BY label, name
