"""``python -m compile_book`` runs the CLI."""

from .cli import main

main()
