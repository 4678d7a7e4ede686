"""The cover wrap's proof (format ``cover-proof``): the same sheet with its guides drawn.

Trim, spine folds, safe zones and the barcode area, labelled, for checking a
cover before upload; the file for upload is the ``cover`` format's.
"""

from __future__ import annotations

from ...config import BookConfig
from . import CoverOptions, write
from . import options_from as cover_options_from

__all__ = ["CoverOptions", "options_from", "write"]


def options_from(config: BookConfig) -> CoverOptions:
    """The cover options ``book.toml`` asks for, guides always drawn."""
    return cover_options_from(config).model_copy(update={"guides": True})
