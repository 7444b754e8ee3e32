"""The industry taxonomy and the article → industry scorer.

>>> from kg.industries import classify, load_taxonomy
>>> taxonomy = load_taxonomy()
>>> classify("新能源汽车零部件集群加速成势", "动力电池、电驱系统项目落地。", taxonomy)[0].name
'新能源汽车'
"""

from kg.industries.classify import ArticleEvidence, IndustryScore, classify, industry_evidence, weigh_article
from kg.industries.taxonomy import Industry, ScoringSettings, Taxonomy, TaxonomyError, load_taxonomy

__all__ = [
    "ArticleEvidence",
    "Industry",
    "IndustryScore",
    "ScoringSettings",
    "Taxonomy",
    "TaxonomyError",
    "classify",
    "industry_evidence",
    "load_taxonomy",
    "weigh_article",
]
