"""Measuring linimasa on annotated real news: the annotation corpus, the matching rule and the scores."""
