// question: 某实体所在社区（Louvain）的成员 / The members of an entity's community (Louvain), most central first
// param entity: 北京大学 (an entity's name or one of its aliases)
MATCH (e:Entity)
WHERE (e.name = $entity OR $entity IN e.aliases) AND e.community IS NOT NULL
MATCH (member:Entity {community: e.community})
RETURN DISTINCT e.community AS community, [l IN labels(member) WHERE l <> "Entity"][0] AS label,
       member.name AS member, member.pagerank AS pagerank, member.industry AS industry
ORDER BY community, pagerank DESC, member
