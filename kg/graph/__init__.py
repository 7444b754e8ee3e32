"""Extraction records → one networkx graph, checked against `schemas/graph.yaml`."""
