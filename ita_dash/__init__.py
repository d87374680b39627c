"""ITA Dashboard: Thai public-sector Integrity and Transparency Assessment analytics."""

__version__ = "0.1.0"
