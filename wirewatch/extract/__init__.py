"""Extract: event mentions (PLOVER type, factuality, actors, place, time, counts) and claims."""

from wirewatch.extract.extractor import Extractor

__all__ = ["Extractor"]
