"""Clean: normalise Unicode and whitespace, drop repeated headlines and paragraphs."""

from wirewatch.clean.cleaner import CleanArticle, Cleaner, OffsetMap

__all__ = ["CleanArticle", "Cleaner", "OffsetMap"]
