"""Across articles: wire copies, stories, incidents, corroboration and contradictions."""
