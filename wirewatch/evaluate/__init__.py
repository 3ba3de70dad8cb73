"""Evaluate: score wirewatch's coding against human-labelled gold data."""
