"""Serve: the command line (and, later, the HTTP API and web app) over the store."""
