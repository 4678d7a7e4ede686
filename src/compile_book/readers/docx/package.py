"""The ``.docx`` package: a ZIP of XML parts, opened defensively.

A Word document is an OPC package (ECMA-376 part 2): a ZIP whose
``_rels/.rels`` names the main document part (nearly always
``word/document.xml``), which names its styles, notes, headers and media in
its own relationships file. Everything here is about getting those parts out
safely and saying in one line what is wrong when they cannot be had:

* files that are not a ZIP at all (an old ``.doc``, an encrypted document, a
  renamed ``.txt``, RTF or PDF) are told apart by their first bytes;
* a ZIP bomb is refused by capping the number of members and the total
  uncompressed size read;
* XML is parsed with entities unresolved, no network and no DTD (Word never
  writes one), and a part that declares a DTD is refused;
* ISO 29500 *Strict* documents (Word's "Strict Open XML" save) use other
  namespace names for the same vocabulary; they are mapped to the
  transitional ones once, here, so the rest of the reader knows one form.
"""

from __future__ import annotations

import posixpath
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from io import BytesIO

from lxml import etree

from ...errors import InputError
from ...record import record
from ...rules import noncharacters

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
V = "urn:schemas-microsoft-com:vml"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
#: Strict (ISO 29500) namespace -> its transitional twin.
_STRICT = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": W.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": R.encode(),
    b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": WP.encode(),
    b"http://purl.oclc.org/ooxml/drawingml/main": A.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/math": M.encode(),
}

# Why: a real novel's package is a few MB (more with photographs); 200 MB of
# uncompressed parts or 10,000 members is a damaged or hostile file.
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_MEMBERS = 10_000
# Why: the OLE2 compound-file signature: Word 97-2003 .doc files, and also
# password-protected .docx files (Office wraps the encrypted ZIP in OLE).
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

# Why: what zipfile raises on a damaged archive (a bad header, offset, size, method or
# name), besides BadZipFile itself.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,
    struct.error,
    UnicodeDecodeError,
    KeyError,
)

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    remove_comments=True,
    remove_pis=True,
)


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element or attribute: ``w("p")``."""
    return f"{{{W}}}{tag}"


@record
class Relationship:
    type: str  # the last segment of the type URI: "image", "hyperlink", "footnotes"
    target: str  # a part name inside the package, or an external URL
    external: bool


@dataclass(slots=True)
class Package:
    """An opened ``.docx``: its parts by name, read on demand within the size budget."""

    file: str
    zip: zipfile.ZipFile
    names: dict[str, zipfile.ZipInfo]
    budget: int
    _xml: dict[str, etree._Element | None] = field(default_factory=dict)

    def read(self, part: str) -> bytes | None:
        """A part's bytes, or ``None`` if the package has no such part."""
        info = self.names.get(part) or self.names.get(part.lower())
        if info is None:
            return None
        if info.file_size > self.budget:
            raise InputError(
                f"the document expands to more than {MAX_TOTAL_BYTES // 2**20} MB; it is damaged "
                "or not a real Word document (open it in Word and save it again)",
                self.file,
            )
        try:
            data = self.zip.read(info)
        except _ZIP_ERRORS as exc:
            raise damaged(self.file, f"{part} cannot be unpacked ({exc})") from None
        except RuntimeError:
            raise InputError(
                "the document's ZIP package is password-protected; save it again "
                "without a password",
                self.file,
            ) from None
        self.budget -= len(data)
        return data

    def xml(self, part: str) -> etree._Element | None:
        """A part parsed as XML (once), or ``None`` if it is missing."""
        if part not in self._xml:
            data = self.read(part)
            self._xml[part] = None if data is None else parse_xml(data, part, self.file)
        return self._xml[part]

    def relationships(self, part: str) -> dict[str, Relationship]:
        """The relationships of a part, by id; targets resolved to part names."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", f"{base}.rels"))
        out: dict[str, Relationship] = {}
        if root is None:
            return out
        for rel in root.iter(f"{{{_PACKAGE_RELS}}}Relationship"):
            target = rel.get("Target", "")
            external = rel.get("TargetMode") == "External"
            if not external:
                target = _resolve(folder, target)
            kind = rel.get("Type", "").rstrip("/").rsplit("/", 1)[-1]
            out[rel.get("Id", "")] = Relationship(kind, target, external)
        return out

    def main_part(self) -> str:
        """The main document part's name (``word/document.xml`` unless ``_rels/.rels`` says)."""
        for rel in self.relationships("").values():
            if rel.type == "officeDocument" and not rel.external and rel.target in self.names:
                return rel.target
        return "word/document.xml"


def _resolve(folder: str, target: str) -> str:
    target = target.replace("\\", "/")
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(folder, target))


def damaged(file: str, what: str) -> InputError:
    return InputError(
        f"the Word document is damaged: {what}; open it in Word and save it again, "
        "or go back to a backup",
        file,
    )


# Why: the main text's usual names; a paragraph number means something only there.
_MAIN_PART = re.compile(r"(?:word/)?document\d*\.xml")


def parse_xml(data: bytes, part: str, file: str) -> etree._Element:
    """Parse one part; a broken or DTD-bearing part, or one holding a Unicode
    noncharacter, is an :class:`InputError`."""
    noncharacters.check_xml(data, part, file, main=_MAIN_PART.fullmatch(part) is not None)
    head = data[:4096]
    if b"purl.oclc.org/ooxml" in head:
        for strict, transitional in _STRICT.items():
            data = data.replace(strict, transitional)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise damaged(file, f"{part} is not well-formed XML ({exc.msg})") from None
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None:
        raise InputError(
            f"{part} declares entities (a DTD), which Word never writes; this file was not "
            "saved by a word processor and is not read (save the manuscript again as .docx)",
            file,
        )
    return root


def open_package(file: str, data: bytes) -> Package:
    """Open a ``.docx``'s bytes, or raise one :class:`InputError` saying what it really is."""
    if data.startswith(_OLE):
        if _ENCRYPTED_STREAM in data:
            raise InputError(
                "the Word document is encrypted (password-protected); open it in Word and "
                "save it without a password",
                file,
            )
        raise InputError(
            "this is an old Word document (.doc, Word 97-2003), not a .docx; open it in Word "
            "or LibreOffice and save it as .docx",
            file,
        )
    if not data.startswith(b"PK"):
        raise InputError(f"this is {_what_instead(data)}", file)
    try:
        archive = zipfile.ZipFile(BytesIO(data))
        infos = archive.infolist()
    except _ZIP_ERRORS as exc:
        raise damaged(file, f"its ZIP package cannot be read ({exc})") from None
    if len(infos) > MAX_MEMBERS:
        raise InputError(
            f"the document has {len(infos)} parts, more than any real Word document "
            f"({MAX_MEMBERS}); it is damaged or hostile (save it again as .docx)",
            file,
        )
    names: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename.replace("\\", "/").lstrip("/")
        names.setdefault(name, info)
        names.setdefault(name.lower(), info)
    package = Package(file, archive, names, MAX_TOTAL_BYTES)
    main = package.main_part()
    if main not in names:
        mimetype = package.read("mimetype") or b""
        if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
            raise InputError(
                "this is an OpenDocument text (.odt), not a Word document; rename it to .odt",
                file,
            )
        raise InputError(
            f"this ZIP file has no {main}, so it is not a Word document; save the manuscript "
            "as .docx from your word processor",
            file,
        )
    return package


def _what_instead(data: bytes) -> str:
    """What a non-ZIP file given as ``.docx`` most likely is, and what to do."""
    if data.startswith(b"{\\rtf"):
        return "an RTF document, not a .docx; open it in your word processor and save it as .docx"
    if data.startswith(b"%PDF"):
        return "a PDF, not a Word document; export the manuscript as .docx or plain text"
    if not data.strip():
        return "an empty file, not a Word document; save the manuscript again as .docx"
    if b"\x00" not in data[:65536]:
        return "plain text with a .docx name, not a Word document; rename it to .txt"
    return "not a Word document (not a ZIP package); save the manuscript again as .docx"
