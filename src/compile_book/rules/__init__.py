"""Pure text rules: small functions over strings and lines, no tree, no state.

The readers and transforms call them; each module owns one kind of knowledge:

* ``decode``       bytes -> text (BOMs, UTF-16, Windows-1252), line endings
* ``whitespace``   invisible characters, exotic spaces, mojibake repair
* ``markdown``     front matter, comments, backslash escapes
* ``paragraphs``   paragraph style per file; hard-wrapped lines unwrapped
* ``scenebreaks``  divider lines
* ``headings``     chapter/part/prologue lines, in English and the book's language
* ``titles``       book title, ``by`` and chapter-title lines
* ``inlines``      telepathy and emphasis delimiters -> tokens
* ``typography``   quotes, dashes, ellipses, no-break spaces (per locale)
* ``lint``         doubled words, unclosed and mixed quotes

Which rule runs when is decided elsewhere: by the readers
(:mod:`compile_book.readers`) for everything about lines and structure, and
by the transform chain (:mod:`compile_book.transforms`) for everything
inside a paragraph.
"""
