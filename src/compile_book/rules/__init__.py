"""Normalisation rules, one module per rule, applied in this order by ``parser``:

1. ``decode``       bytes -> text (BOMs, UTF-16, Windows-1252), line endings
2. ``whitespace``   invisible characters, exotic spaces, indentation
3. ``scenebreaks``  divider lines -> scene breaks
4. ``headings``     chapter/part/prologue/... lines and Markdown headings
5. ``paragraphs``   paragraph style per file; hard-wrapped lines unwrapped
6. ``titles``       book title/author lines, chapter title lines
7. ``rejoin``       paragraphs broken across a blank line mid-sentence
8. ``inlines``      telepathy and emphasis delimiters -> inline structure
9. ``typography``   quotes, dashes, ellipses, no-break spaces
10. ``lint``        manuscript problems (doubled words, unclosed quotes, ...)

Each rule is a small pure function over text or lines; the parser owns the
order and records what each changed as diagnostics.
"""
