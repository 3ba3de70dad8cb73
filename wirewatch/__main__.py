"""``python -m wirewatch`` is the ``wirewatch`` command."""

from wirewatch.serve.cli import main

main()
