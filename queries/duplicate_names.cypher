// question: 数据质量：疑似重复（同名或别名相同而标签不同，或一个实体的名称是另一个的别名） / Data quality: suspicious duplicates, the same name under different labels or one entity's name among another's aliases
MATCH (a:Entity), (b:Entity)
WHERE elementId(a) < elementId(b)
  AND (a.name = b.name OR a.name IN coalesce(b.aliases, []) OR b.name IN coalesce(a.aliases, []))
WITH a, b, CASE WHEN a.name = b.name THEN 'same name' ELSE 'name is an alias of the other' END AS problem
RETURN a.key AS first, b.key AS second, problem
ORDER BY first, second
