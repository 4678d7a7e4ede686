"""How a path is shown to people: relative to the working folder when that is clearer.

Diagnostics and errors name files the way the writer would type them, so an
editor or terminal can jump straight to ``manuscripts/03.txt:12:5``.
"""

from __future__ import annotations

import os
from pathlib import Path


def display_path(path: str | os.PathLike[str]) -> str:
    """``path`` relative to the working folder, unless that climbs more than one level."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return rel if not rel.startswith(".." + os.sep + "..") else str(Path(path))
