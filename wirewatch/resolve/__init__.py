"""Resolve names to places, countries and known actors."""
