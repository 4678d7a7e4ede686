"""Members deflated once per content give the archive a fresh compression gives."""

from __future__ import annotations

import io
import zipfile

from compile_book.keeping import keeping
from compile_book.writers.epub import deflate

MEMBERS = [("a.xhtml", b"<p>It was late.</p>" * 500), ("b.xhtml", b""), ("c.css", b"p{}")]


def _archive(write: object) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in MEMBERS:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            if write == "writestr":
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data, compresslevel=deflate.LEVEL)
            else:
                deflate.write_deflated(zf, info, data)
    return buf.getvalue()


def test_replayed_members_are_byte_identical_to_zipfiles_own() -> None:
    fresh = _archive("writestr")
    assert _archive("deflated") == fresh
    with keeping():
        assert _archive("deflated") == fresh
        assert _archive("deflated") == fresh  # the second time from the kept bytes
    with zipfile.ZipFile(io.BytesIO(fresh)) as zf:
        assert zf.testzip() is None


def test_the_same_content_is_deflated_once_while_builds_repeat() -> None:
    data = b"Once upon a time. " * 100
    with keeping():
        assert deflate.deflated(data) is deflate.deflated(bytes(data))
    assert deflate.deflated(data) is not deflate.deflated(bytes(data))  # nothing kept
