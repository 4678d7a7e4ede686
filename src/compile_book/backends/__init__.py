"""Output backends. Each consumes a :class:`~compile_book.nodes.Book` and nothing else.

The registry maps a format name to its writer (pandoc's habit of one table of
writers), so the CLI and library never special-case a format.
"""
