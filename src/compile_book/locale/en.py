"""English: the reference locale, and the data any language without a module falls back to.

Why these values: they are what compile-book printed before locales existed, so
built books (and their golden files) do not change. Every English region keeps
“ ” ‘ ’: single outer quotes are a house style, not a property of en-GB.
"""

from __future__ import annotations

from . import LocaleData, PerKind, Quotes, Words

DATA = LocaleData(
    quotes=Quotes("“", "”", "‘", "’"),
    quote_space="",
    punctuation_space="",
    dialogue="quotes",
    heading_words=PerKind(
        chapter=("chapter", "chap.", "ch."),
        part=("part", "book"),
        prologue=("prologue",),
        epilogue=("epilogue",),
        interlude=("interlude",),
    ),
    label_words=PerKind(
        chapter="Chapter",
        part="Part",
        prologue="Prologue",
        epilogue="Epilogue",
        interlude="Interlude",
    ),
    words=Words(
        contents="Contents",
        landmarks="Landmarks",
        cover="Cover",
        titlepage="Title Page",
        copyright="Copyright",
        dedication="Dedication",
        epigraph="Epigraph",
        start="Start of Content",
        chapter="Chapter",
        part="Part",
        rights="All rights reserved.",
        cover_alt="The cover of {title}",
        also_by="Also by {author}",
        about_author="About the Author",
        acknowledgments="Acknowledgments",
        afterword="Afterword",
        discussion="Questions for Discussion",
        newsletter="Join the Newsletter",
        newsletter_link="Sign up",
        author_site="More at {url}",
        published_by="Published by {publisher}",
        copyright_line="Copyright © {year} {holders}",
        and_="and",
    ),
    front_headings=(
        "preface",
        "foreword",
        "introduction",
        "author's preface",
        "translator's preface",
        "translator's introduction",
        "editor's preface",
        "editor's introduction",
        "preface to the first edition",
        "preface to the second edition",
    ),
    back_headings=(
        ("acknowledgments", "acknowledgments"),
        ("acknowledgements", "acknowledgments"),
        ("acknowledgment", "acknowledgments"),
        ("acknowledgement", "acknowledgments"),
        ("about the author", "about-author"),
        ("about the authors", "about-author"),
        ("meet the author", "about-author"),
        ("afterword", "afterword"),
        ("author's note", "afterword"),
        ("author’s note", "afterword"),
        ("a note from the author", "afterword"),
        ("note from the author", "afterword"),
        ("historical note", "afterword"),
        ("reading group guide", "discussion"),
        ("reading group questions", "discussion"),
        ("discussion questions", "discussion"),
        ("book club questions", "discussion"),
        ("questions for discussion", "discussion"),
        ("book club guide", "discussion"),
        ("also by", "also-by"),
        ("other books by", "also-by"),
        ("more books by", "also-by"),
        ("books by", "also-by"),
        ("newsletter", "newsletter"),
        ("join my newsletter", "newsletter"),
        ("join the newsletter", "newsletter"),
        ("sneak peek", "excerpt"),
        ("a sneak peek", "excerpt"),
    ),
    # Doublings that are correct English ("had had", "that that") or deliberate in
    # dialogue ("no no", "knock knock", "tick tock"); the linter's historical list.
    doubled_words=frozenset(
        "had that bye no yes very so ha haha ho hee knock tut there well now chop night boo go "
        "come out bang boom la da dum pom tick tock fast far many much really round more away "
        "blah yada hush shh oh ah uh um hmm yeah yep nope wow hey whoa oops ooh aah ow "
        "okay ok please drip tap click clack ding dong chug puff toot beep".split()
    ),
    # An object ending one phrase and the same word starting the next: "I tell you you
    # are wrong", "give her her head", "when I got to it it was gone", "put in in time".
    phrase_doubles=frozenset("you it her him them us me in on up is do".split()),
    # After these the doubling cannot be two phrases meeting: "and you you know".
    joiners=frozenset(
        "and but or nor so yet that if when then because while though as the a an of".split()
    ),
    # Words a small-caps lead-in must not end on (it takes the next word too).
    function_words=frozenset(
        (
            "a an the of to in on at by for from with into onto upon as and but or nor so yet "
            "if than that this these those his her its their our my your we i he she it they "
            "was were is are be had has have not no"
        ).split()
    ),
    # The order is the historical one (it is the order of the no-break-space regex).
    honorifics=tuple("Mr Mrs Ms Mx Dr St Mt Prof Capt Sgt Lt Col Gen Rev Fr".split()),
    num2words_langs=("en",),
    # Headings title-case spelt numbers: "Chapter Twenty-One", "One Hundred and One".
    number_case="title",
    # American usage drops the "and": "One Hundred One".
    number_variants=((r"\band\b", ""),),
)
