"""The OpenDocument package: a zip holding ``content.xml``, ``styles.xml`` and pictures.

Opening is where hostile and broken files are turned away, each with one line
saying what to do: a renamed plain-text or ``.doc`` file, a damaged zip, a
package without ``content.xml``, another kind of OpenDocument (a spreadsheet),
a password-protected document. Sizes are checked before anything is
inflated: the member count and the declared uncompressed sizes are capped
(``zipfile`` never inflates a member past its declared size), so a zip bomb
costs nothing. XML is parsed by lxml with entities unresolved and the
network off; libxml2's own limits (nesting depth 256, text nodes of 10 MB)
stay on.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from ...errors import InputError
from ...rules import noncharacters

#: OpenDocument namespaces, by the prefixes the specification uses.
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xlink": "http://www.w3.org/1999/xlink",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}

# Why: a novel with pictures is tens of megabytes; a gigabyte or ten thousand
# members is a zip bomb or not a manuscript, refused before anything is inflated.
MAX_MEMBERS = 10_000
MAX_TOTAL_BYTES = 1 << 30
# Why: content.xml of a 1M-word novel is about 60 MB; four times that is no manuscript.
MAX_XML_BYTES = 256 << 20
TEXT_MIMETYPE = "application/vnd.oasis.opendocument.text"  # also -template, -master

# What zipfile raises on a damaged member or directory (NotImplementedError: an
# unknown compression method).
_BROKEN = (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_SAVE_AS = "open it in your word processor and save it as OpenDocument Text (.odt)"


def q(prefix: str, local: str) -> str:
    """The Clark name lxml uses for ``prefix:local`` (``{urn:...}local``)."""
    return f"{{{NS[prefix]}}}{local}"


@dataclass(slots=True)
class Package:
    """An opened ODT: its parsed content and styles, and its members for pictures."""

    name: str
    content: etree._Element
    styles: etree._Element | None
    zip: zipfile.ZipFile = field(repr=False)

    def member(self, path: str) -> bytes | None:
        """A member's bytes (a picture), or ``None`` when it is missing or damaged."""
        path = path.removeprefix("./")
        try:
            return self.zip.read(path)
        except (KeyError, RuntimeError, *_BROKEN):
            return None


def open_package(name: str, data: bytes) -> Package:
    """Open and check an ODT, or raise a one-line :class:`InputError` naming the file."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputError(_not_a_zip(data), name)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except _BROKEN as exc:
        raise InputError(f"the file is damaged ({exc}); {_SAVE_AS} again", name) from None
    if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise InputError(
            "the package is far larger than any manuscript (too many or too large members); "
            f"{_SAVE_AS} again",
            name,
        )
    members = {i.filename: i for i in infos}
    _check_kind(name, zf, members)
    if "content.xml" not in members:
        raise InputError(f"the package has no content.xml, so it holds no text; {_SAVE_AS}", name)
    content = _parse(name, zf, "content.xml")
    styles = _parse(name, zf, "styles.xml") if "styles.xml" in members else None
    return Package(name, content, styles, zf)


def _not_a_zip(data: bytes) -> str:
    if data.startswith(b"PK\x03\x04"):
        return f"the file is damaged (its zip structure is cut short or broken); {_SAVE_AS} again"
    if data.startswith(_OLE_MAGIC):
        return f"this is an old Word .doc (or another binary) file named .odt; {_SAVE_AS}"
    if data.lstrip().startswith(b"<"):
        return f"this is an XML file (a flat .fodt?), not an .odt package; {_SAVE_AS}"
    if data and b"\x00" not in data[:4096]:
        return "this is a plain-text file named .odt; rename it to .txt"
    return f"this is not an OpenDocument file (not a zip package); {_SAVE_AS}"


def _read(name: str, zf: zipfile.ZipFile, path: str, limit: int) -> bytes:
    info = zf.getinfo(path)
    if info.file_size > limit:
        raise InputError(f"{path} is too large ({info.file_size} bytes) for a manuscript", name)
    try:
        return zf.read(info)
    except RuntimeError:  # zipfile's answer to an encrypted member
        raise InputError(_PASSWORD, name) from None
    except _BROKEN as exc:
        raise InputError(f"the file is damaged ({path}: {exc}); {_SAVE_AS} again", name) from None


_PASSWORD = (
    "the document is password-protected; save a copy without a password "
    "(File > Save As, untick 'Save with password') and use that"
)


def _check_kind(name: str, zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> None:
    """Refuse encrypted documents and other OpenDocument kinds before reading the text."""
    if "mimetype" in members:
        kind = _read(name, zf, "mimetype", 256).decode("ascii", "replace").strip()
        if not kind.startswith(TEXT_MIMETYPE):
            what = kind.rsplit(".", 1)[-1] if "opendocument" in kind else repr(kind)
            raise InputError(
                f"this is an OpenDocument {what} file, not a text document; "
                "copy its text into a Writer document",
                name,
            )
    if "META-INF/manifest.xml" in members:
        manifest = _parse(name, zf, "META-INF/manifest.xml")
        if manifest.find(f".//{q('manifest', 'encryption-data')}") is not None:
            raise InputError(_PASSWORD, name)


def _parse(name: str, zf: zipfile.ZipFile, path: str) -> etree._Element:
    data = _read(name, zf, path, MAX_XML_BYTES)
    noncharacters.check_xml(data, path, name, main=path == "content.xml")
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputError(
            f"{path} inside the document is damaged ({exc.msg}); {_SAVE_AS} again", name
        ) from None


def text_in(element: etree._Element) -> str:
    """All the text inside an element, white space collapsed."""
    return " ".join("".join(t for t in element.itertext() if isinstance(t, str)).split())
