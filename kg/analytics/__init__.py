"""Graph analytics: who matters (PageRank, betweenness, communities, brokers) and what changed over time."""
