"""Fixtures for the ingest tests: article texts in three languages and a news page."""

from __future__ import annotations

import pytest

ENGLISH = (
    "Foreign ministers from Turkey and Ukraine agreed on Thursday to reopen a grain corridor "
    "through the Black Sea, officials said after talks in Istanbul that lasted late into the "
    "night. The agreement allows cargo ships to leave the ports of Odesa and Chornomorsk under "
    "an inspection regime run jointly by both countries."
)
FRENCH = (
    "Le président de la République a annoncé mardi soir une série de mesures destinées à "
    "soutenir les agriculteurs touchés par la sécheresse. Selon le ministère de l'Agriculture, "
    "plus de dix mille exploitations ont subi des pertes importantes depuis le début de l'été."
)
GERMAN = (
    "Die Bundesregierung hat am Mittwoch ein neues Hilfspaket für die von Hochwasser "
    "betroffenen Regionen in Süddeutschland beschlossen. Nach Angaben des Finanzministeriums "
    "sollen insgesamt zwei Milliarden Euro bereitgestellt werden, um Schäden zu beheben."
)
NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ministers agree on grain corridor | Example News</title>
  <meta property="og:title" content="Ministers agree on grain corridor">
  <meta property="og:site_name" content="Example News">
  <meta property="article:published_time" content="2024-08-01T09:30:00Z">
  <link rel="canonical" href="https://news.example.com/world/grain-corridor">
</head>
<body>
  <header>
    <nav><ul>
      <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
      <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe to our newsletter</a></li>
    </ul></nav>
  </header>
  <main><article>
    <h1>Ministers agree on grain corridor</h1>
    <p>Foreign ministers from Turkey and Ukraine agreed on Thursday to reopen a grain corridor
    through the Black Sea, officials said after talks in Istanbul that lasted late into the night.</p>
    <p>The agreement allows cargo ships to leave the ports of Odesa and Chornomorsk under an
    inspection regime run jointly by both countries, according to the Turkish foreign ministry.</p>
    <p>Russia, which withdrew from an earlier deal last year, criticised the arrangement and warned
    that ships entering the area would be treated as potential military targets.</p>
  </article></main>
  <aside><h2>Most read</h2><ul>
    <li><a href="/a">Celebrity chef opens seaside restaurant</a></li>
    <li><a href="/b">Transfer rumours round-up</a></li>
  </ul></aside>
  <footer><p>Copyright 2024 Example News. All rights reserved.</p>
    <a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""


@pytest.fixture
def english_text() -> str:
    return ENGLISH


@pytest.fixture
def french_text() -> str:
    return FRENCH


@pytest.fixture
def german_text() -> str:
    return GERMAN


@pytest.fixture
def news_page() -> str:
    return NEWS_PAGE
