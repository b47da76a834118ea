"""Static chapter output: matplotlib figures and accessible HTML tables built from ``data/``."""
