// question: 某实体的直接关系及证据句 / An entity's neighbourhood: every typed relation with the sentence that shows it
// param entity: 浙江省科技厅 (an entity's name or one of its aliases)
MATCH (e)
WHERE NOT e:Article AND NOT e:Issue AND (e.name = $entity OR $entity IN coalesce(e.aliases, []))
MATCH (e)-[r]-(other)
WHERE r.evidence IS NOT NULL
RETURN e.name AS entity,
       type(r) AS relation,
       CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
       [l IN labels(other) WHERE l <> "Entity"][0] AS other_label,
       other.name AS other,
       r.title AS title,
       r.evidence AS evidence,
       r.article AS article
ORDER BY relation, direction, other, article
