"""Draw the sample book's cover: covers/cover.jpg (1600 x 2560 px RGB JPEG).

A night bay under stars, a lighthouse on the headland with its beam across
the water, and a drowned bell glimmering under the surface. Everything is
drawn procedurally with a fixed seed, so running this again gives the same
picture. Run from the repository root:

    .venv/bin/python scripts/make_cover.py
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

W, H = 1600, 2560
HORIZON = int(H * 0.60)
SEED = 1994
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "covers" / "cover.jpg"

TITLE = ("THE BELLS", "OF LANNOW")
SUBTITLE = "A Novella of the Quiet Shore"
AUTHOR = "MORWEN ASHBY"
SERIES = "TALES OF THE QUIET SHORE \u00b7 I"

INK = (238, 228, 205)  # warm parchment white
GOLD = (226, 190, 120)


def font(
    size: int, weight: int = 500, italic: bool = False
) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """EB Garamond from the fontpkg package, else Pillow's default font."""
    try:
        import fontpkg_eb_garamond

        name = "EBGaramond-Italic[wght].ttf" if italic else "EBGaramond[wght].ttf"
        f = ImageFont.truetype(str(fontpkg_eb_garamond.ROOT / "files" / name), size)
        try:
            f.set_variation_by_axes([weight])
        except (OSError, AttributeError):
            pass
        return f
    except Exception:
        return ImageFont.load_default(size=size)


def lerp(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, ...]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def vertical_gradient(stops: list[tuple[float, tuple[int, int, int]]]) -> Image.Image:
    img = Image.new("RGB", (1, H))
    for y in range(H):
        t = y / (H - 1)
        for (t0, c0), (t1, c1) in zip(stops, stops[1:], strict=False):
            if t0 <= t <= t1:
                img.putpixel((0, y), lerp(c0, c1, (t - t0) / (t1 - t0)))
                break
    return img.resize((W, H))


def sky_and_sea() -> Image.Image:
    return vertical_gradient(
        [
            (0.00, (6, 10, 24)),
            (0.35, (14, 28, 52)),
            (0.58, (44, 70, 92)),
            (0.60, (70, 96, 112)),
            (0.61, (22, 42, 60)),
            (0.80, (10, 24, 38)),
            (1.00, (4, 10, 18)),
        ]
    )


def stars(img: Image.Image, rng: random.Random) -> None:
    layer = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(layer)
    for _ in range(900):
        x, y = rng.uniform(0, W), rng.uniform(0, HORIZON - 40) ** 1.0
        fade = 1 - (y / HORIZON) ** 1.6
        r = rng.choice([0.8, 1.0, 1.2, 1.6, 2.2]) if rng.random() < 0.97 else 3.2
        v = int(255 * fade * rng.uniform(0.25, 1.0))
        d.ellipse((x - r, y - r, x + r, y + r), fill=v)
    glow = layer.filter(ImageFilter.GaussianBlur(3))
    layer = ImageChops.add(layer, glow)
    tint = Image.new("RGB", (W, H), (235, 235, 255))
    img.paste(tint, (0, 0), layer)


def moon(img: Image.Image) -> None:
    cx, cy, r = 250, 1330, 40
    mask = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(mask)
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=255)
    d.ellipse((cx - r + 22, cy - r - 10, cx + r + 22, cy + r - 10), fill=0)
    halo = mask.filter(ImageFilter.GaussianBlur(30)).point(lambda v: v // 3)
    img.paste(Image.new("RGB", (W, H), (250, 236, 200)), (0, 0), ImageChops.add(mask, halo))


def headland_and_tower(img: Image.Image) -> tuple[int, int]:
    d = ImageDraw.Draw(img)
    land = (5, 9, 15)
    pts = [
        (W, HORIZON - 150),
        (1480, HORIZON - 170),
        (1380, HORIZON - 140),
        (1300, HORIZON - 90),
        (1220, HORIZON - 50),
        (1140, HORIZON - 18),
        (1080, HORIZON + 6),
        (W, HORIZON + 40),
    ]
    d.polygon(pts, fill=land)
    # the tower: a tapering column with a gallery and a lantern
    tx, base, top = 1400, HORIZON - 160, HORIZON - 520
    d.polygon([(tx - 34, base), (tx + 34, base), (tx + 22, top), (tx - 22, top)], fill=land)
    d.rectangle((tx - 36, top - 10, tx + 36, top), fill=land)
    d.rectangle((tx - 20, top - 62, tx + 20, top - 10), fill=(60, 50, 30))
    d.polygon([(tx - 26, top - 62), (tx + 26, top - 62), (tx, top - 96)], fill=land)
    return tx, top - 36


def beam(img: Image.Image, lamp: tuple[int, int]) -> None:
    lx, ly = lamp
    layer = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(layer)
    for k in range(40):
        spread = 180 - k * 4
        v = 5 + k * 2
        d.polygon([(lx, ly - 6), (-200, ly - 120 - spread), (-200, ly - 40 + spread)], fill=v)
    layer = layer.filter(ImageFilter.GaussianBlur(18))
    d = ImageDraw.Draw(layer)
    d.ellipse((lx - 10, ly - 10, lx + 10, ly + 10), fill=255)
    glow = Image.new("L", (W, H), 0)
    ImageDraw.Draw(glow).ellipse((lx - 70, ly - 70, lx + 70, ly + 70), fill=200)
    layer = ImageChops.add(layer, glow.filter(ImageFilter.GaussianBlur(40)))
    img.paste(Image.new("RGB", (W, H), (255, 226, 160)), (0, 0), layer)


def sea_glints(img: Image.Image, rng: random.Random, lamp_x: int) -> None:
    layer = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(layer)
    for _ in range(1400):
        y = HORIZON + 4 + (rng.random() ** 1.7) * (H - HORIZON)
        depth = (y - HORIZON) / (H - HORIZON)
        x = rng.gauss(820, 380)
        length = rng.uniform(8, 40) * (0.4 + depth * 2.2)
        v = int(rng.uniform(20, 90) * (1 - depth) ** 1.3)
        d.line((x - length, y, x + length, y), fill=v, width=max(1, int(1 + depth * 3)))
    # the moon's path
    for _ in range(380):
        y = HORIZON + 4 + rng.random() ** 1.5 * 560
        x = rng.gauss(250, 20 + (y - HORIZON) * 0.10)
        length = rng.uniform(6, 26)
        d.line((x - length, y, x + length, y), fill=int(rng.uniform(60, 150)), width=2)
    layer = layer.filter(ImageFilter.GaussianBlur(0.8))
    img.paste(Image.new("RGB", (W, H), (200, 215, 230)), (0, 0), layer)


def drowned_bell(img: Image.Image) -> None:
    """A faint bell deep under the water, with rings of sound spreading from it."""
    cx, cy = 800, 2010
    layer = Image.new("L", (W, H), 0)
    d = ImageDraw.Draw(layer)
    pts = []
    height = 300
    for i in range(81):  # right-hand profile, from the lip up to the crown
        t = i / 80
        half = 58 + 100 * (1 - t) ** 2.6
        if t > 0.80:  # round the shoulder into the crown
            half *= math.sqrt(max(0.0, 1 - ((t - 0.80) / 0.20) ** 2))
        half += 14 * math.exp(-(((t - 0.03) / 0.035) ** 2))  # the thickened lip
        pts.append((cx + half, cy + 130 - t * height))
    pts += [(2 * cx - x, y) for x, y in reversed(pts)]
    d.polygon(pts, fill=62)
    d.ellipse((cx - 158, cy + 112, cx + 158, cy + 148), fill=34)  # the open mouth
    d.ellipse((cx - 26, cy - 196, cx + 26, cy - 160), outline=72, width=9)  # the crown loop
    for k, r in enumerate((250, 340, 440, 550)):
        d.ellipse(
            (cx - r, cy - r * 0.28 - 40, cx + r, cy + r * 0.28 - 40),
            outline=max(10, 42 - k * 9),
            width=4,
        )
    layer = layer.filter(ImageFilter.GaussianBlur(5))
    img.paste(Image.new("RGB", (W, H), (150, 200, 190)), (0, 0), layer)


def centred(
    d: ImageDraw.ImageDraw,
    y: int,
    text: str,
    f: ImageFont.FreeTypeFont | ImageFont.ImageFont,
    fill: tuple[int, int, int],
    tracking: int = 0,
) -> int:
    """Draw text centred at y with letter-spacing; return its height."""
    widths = [d.textlength(ch, font=f) for ch in text]
    total = sum(widths) + tracking * (len(text) - 1)
    x = (W - total) / 2
    for ch, w in zip(text, widths, strict=True):
        d.text((x, y), ch, font=f, fill=fill)
        x += w + tracking
    box = d.textbbox((0, 0), text, font=f)
    return int(box[3] - box[1])


def typography(img: Image.Image) -> None:
    shade = Image.new("L", (W, H), 0)
    ImageDraw.Draw(shade).rectangle((0, 0, W, 900), fill=110)
    img.paste((0, 0, 0), (0, 0), shade.filter(ImageFilter.GaussianBlur(160)))
    d = ImageDraw.Draw(img)
    centred(d, 150, SERIES, font(44, 500), GOLD, tracking=10)
    d.line((W / 2 - 90, 240, W / 2 + 90, 240), fill=GOLD, width=2)
    big = font(210, 500)
    centred(d, 300, TITLE[0], big, INK, tracking=14)
    centred(d, 530, TITLE[1], big, INK, tracking=14)
    centred(d, 800, SUBTITLE, font(64, 400, italic=True), (214, 208, 190))
    centred(d, 2330, AUTHOR, font(96, 500), INK, tracking=18)


def main() -> None:
    rng = random.Random(SEED)
    img = sky_and_sea()
    stars(img, rng)
    moon(img)
    drowned_bell(img)
    sea_glints(img, rng, 1400)
    lamp = headland_and_tower(img)
    beam(img, lamp)
    typography(img)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    img.save(OUT, "JPEG", quality=88, optimize=True, progressive=True)
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
