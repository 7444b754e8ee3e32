"""kg: Chinese industry-intelligence newsletters into a knowledge graph."""

__version__ = "0.1.0"
