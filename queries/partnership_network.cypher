// question: 某机构的合作网络（三步以内） / An organization's partnership network, up to three steps away
// param org: 浙江省科技厅 (the organization's name or one of its aliases)
MATCH (o:Organization)
WHERE o.name = $org OR $org IN o.aliases
MATCH path = shortestPath((o)-[:PARTNERS_WITH*1..3]-(partner:Organization))
WHERE partner <> o
RETURN partner.name AS partner,
       length(path) AS steps,
       [n IN nodes(path) | n.name] AS via,
       last(relationships(path)).evidence AS evidence
ORDER BY steps, partner
