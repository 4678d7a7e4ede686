"""compile-book: raw fiction manuscripts in, a store-ready EPUB 3 and a print-ready PDF out.

Library use::

    import compile_book

    book = compile_book.parse("story.txt")          # the document tree
    for d in book.diagnostics:                      # what was normalised, what looks wrong
        print(d.format())
    outputs = compile_book.build("my-novel/", formats=["epub", "pdf"])
"""

from __future__ import annotations

__version__ = "0.1.0"
