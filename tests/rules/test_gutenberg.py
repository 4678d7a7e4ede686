"""Project Gutenberg's header and licence are found by their markers, and only then."""

from __future__ import annotations

from compile_book.rules.gutenberg import Boilerplate, find_boilerplate

WRAPPED = [
    "The Project Gutenberg eBook of A Tale",  # 0
    "",
    "*** START OF THE PROJECT GUTENBERG EBOOK A TALE ***",  # 2
    "",
    "Produced by a volunteer",  # 4
    "",
    "CHAPTER I",  # 6
    "",
    "It began.",  # 8
    "*** END OF THE PROJECT GUTENBERG EBOOK A TALE ***",  # 9
    "Section 1. General Terms of Use",
]


def test_header_credit_and_footer_are_found() -> None:
    assert find_boilerplate(WRAPPED) == Boilerplate((0, 5), (9, 11))


def test_older_markers_and_a_licence_without_end_marker() -> None:
    lines = [
        "*** START OF THIS PROJECT GUTENBERG EBOOK A TALE ***",
        "It began.",
        "End of the Project Gutenberg EBook of A Tale",
        "licence",
    ]
    assert find_boilerplate(lines) == Boilerplate((0, 1), (2, 4))


def test_no_start_marker_leaves_everything() -> None:
    lines = ["A book about Project Gutenberg.", "*** END OF THE PROJECT GUTENBERG EBOOK X ***"]
    assert find_boilerplate(lines) == Boilerplate(None, None)


def test_a_start_marker_with_no_text_after_it_leaves_everything() -> None:
    lines = [
        "*** START OF THE PROJECT GUTENBERG EBOOK X ***",
        "",
        "*** END OF THE PROJECT GUTENBERG EBOOK X ***",
    ]
    assert find_boilerplate(lines) == Boilerplate(None, None)


def test_the_end_line_above_the_end_marker_is_gutenbergs() -> None:
    lines = [
        "*** START OF THIS PROJECT GUTENBERG EBOOK A TALE ***",
        "It began.",
        "",
        "End of the Project Gutenberg EBook of A Tale, by",
        "Jane Writer",
        "",
        "*** END OF THIS PROJECT GUTENBERG EBOOK A TALE ***",
        "licence",
    ]
    assert find_boilerplate(lines) == Boilerplate((0, 1), (3, 8))


def test_a_sentence_far_above_the_end_marker_stays() -> None:
    lines = [
        "*** START OF THIS PROJECT GUTENBERG EBOOK A TALE ***",
        "End of the Project Gutenberg days, she said.",
        *["It went on."] * 10,
        "*** END OF THIS PROJECT GUTENBERG EBOOK A TALE ***",
    ]
    assert find_boilerplate(lines) == Boilerplate((0, 1), (12, 13))


def test_illustration_marks_alone_on_their_lines_are_found() -> None:
    from compile_book.rules.gutenberg import illustrations

    lines = [
        "[Illustration]",
        "Text.",
        "  [Illustration: “Alice was beginning",
        "  to get very tired.”]",
        "[Illustration: a bracket never closed",
        "and the story goes on.",
        "He said [Illustration] aloud.",
    ]
    assert illustrations(lines) == [(0, 1), (2, 4)]


def test_illustration_marks_are_found_in_linear_time() -> None:
    from compile_book.rules.gutenberg import illustrations
    from tests.growth import MAX_RATIO, growth

    assert growth(lambda n: illustrations(["[Illustration: [[[ open"] * n), 2000) < MAX_RATIO


OLD_STYLE = [
    "*** START OF THIS PROJECT GUTENBERG EBOOK CANDIDE ***",  # 0
    "",
    "The Project Gutenberg Etext of Candide",  # 2
    "by Voltaire",
    "(#6 in our series by Voltaire)",
    "",
    "***",  # 6
    "",
    "Produced by Carlo Traverso",  # 8
    "",
    "We thank the Bibliotheque Nationale de France that has made available",  # 10
    "the image files at www://gallica.bnf.fr.",
    "",
    "CHAPITRE PREMIER",  # 13
    "",
    "Il y avait en Westphalie.",
    "*** END OF THIS PROJECT GUTENBERG EBOOK CANDIDE ***",
]


def test_an_older_files_title_block_stars_credit_and_thanks_are_the_header() -> None:
    found = find_boilerplate(OLD_STYLE)
    assert found.head == (0, 12)
    # the title block's title and by line are the book's
    assert found.kept == ((2, "Candide"), (3, "by Voltaire"))


def test_stars_and_a_web_address_after_no_header_or_credit_are_the_text() -> None:
    lines = [
        "*** START OF THIS PROJECT GUTENBERG EBOOK A TALE ***",
        "",
        "***",
        "",
        "She wrote to me from www.example.org, as she always did.",
        "*** END OF THIS PROJECT GUTENBERG EBOOK A TALE ***",
    ]
    assert find_boilerplate(lines) == Boilerplate((0, 1), (5, 6))
