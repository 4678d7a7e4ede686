"""Outputs never destroy what is at the output path: devices, pipes and symlinks."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from compile_book import api


def test_a_fifo_is_written_through_not_replaced(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("It was late.\n", encoding="utf-8")
    fifo = tmp_path / "out.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    api.build(story, ["epub"], fifo)
    reader.join(timeout=30)
    assert fifo.is_fifo()
    assert received and received[0].startswith(b"PK")


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("It was late.\n", encoding="utf-8")
    target = tmp_path / "real.epub"
    link = tmp_path / "link.epub"
    link.symlink_to(target)
    api.build(story, ["epub"], link)
    assert link.is_symlink() and target.is_file()
    assert target.read_bytes().startswith(b"PK")
