"""review: sentence-by-sentence review of machine-translated English."""

__version__ = "0.1.0"
