"""linimasa: news articles in, a timeline of who did what with whom, when and where out."""

__version__ = "0.1.0"
