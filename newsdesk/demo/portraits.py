"""The demo authors' portraits: illustrated heads and shoulders, painted with Pillow from a
seed with the photographs' tools (`images`), the same seed always giving the same bytes."""

import math
import random

from PIL import Image, ImageDraw, ImageFilter

from newsdesk.demo.images import finish, glow, jitter, jpeg, mix

BACKGROUNDS = [(168, 196, 190), (214, 196, 166), (200, 170, 172), (170, 186, 160), (160, 174, 200)]
SKIN = [(247, 219, 196), (236, 196, 164), (224, 178, 142), (198, 146, 108), (132, 90, 62)]
HAIR = [(40, 30, 26), (74, 52, 38), (110, 78, 52), (200, 170, 120), (132, 130, 132)]
CLOTHES = [(52, 62, 84), (84, 48, 52), (46, 74, 70), (120, 110, 96), (34, 36, 40), (92, 104, 124)]


def make_portrait(seed, size=(600, 600)):
    """An illustrated head and shoulders, flat colours softly lit, as a JPEG."""
    rng, s = random.Random(f"portrait:{seed:d}"), 600
    background = jitter(rng, rng.choice(BACKGROUNDS))
    skin, hair = jitter(rng, rng.choice(SKIN), 6), jitter(rng, rng.choice(HAIR), 6)
    shade = mix(skin, (60, 30, 20), 0.2)
    img = Image.new("RGB", (s, s), mix(background, (0, 0, 0), 0.14))
    x, y = s * 0.5 + rng.uniform(-10, 10), s * 0.41
    glow(img, (x, s * 0.38), s * 0.8, mix(background, (255, 255, 255), 0.25), 1.0)
    d = ImageDraw.Draw(img)
    w, h = s * rng.uniform(0.15, 0.168), s * rng.uniform(0.19, 0.22)
    style = rng.choice(["short", "long", "bun", "bob", "curly"])
    if style in ("long", "bob"):  # hair that falls behind the shoulders
        drop = h * (2.0 if style == "long" else 0.95)
        back = [x - w * 1.2, y - h * 0.7, x + w * 1.2, y + drop]
        d.rounded_rectangle(back, radius=w * 0.8, fill=mix(hair, (0, 0, 0), 0.15))
    top = s * 0.71
    shoulders = [x - s * 0.44, top, x + s * 0.44, s * 1.25]
    d.rounded_rectangle(shoulders, radius=s * 0.16, fill=jitter(rng, rng.choice(CLOTHES)))
    d.rectangle([x - w * 0.52, y + h * 0.5, x + w * 0.52, top + 10], fill=shade)
    d.polygon([(x - w * 0.7, top), (x + w * 0.7, top), (x, top + s * 0.1)], fill=shade)
    for side in (-1, 1):  # ears
        left, right = sorted([x + side * w * 1.12, x + side * w * 0.8])
        d.ellipse([left, y - h * 0.1, right, y + h * 0.3], fill=shade)
    d.ellipse([x - w, y - h, x + w, y + h], fill=skin)
    d.chord([x - w * 1.04, y - h * 1.08, x + w * 1.04, y + h * 0.2], 180, 360, fill=hair)
    if style == "bun":
        d.ellipse([x - w * 0.4, y - h * 1.45, x + w * 0.4, y - h * 0.8], fill=hair)
    elif style == "curly":
        for k in range(9):
            a = math.pi * (1 + k / 8)
            cx, cy = x + math.cos(a) * w, y - h * 0.35 + math.sin(a) * h * 0.75
            d.ellipse([cx - w * 0.3, cy - w * 0.3, cx + w * 0.3, cy + w * 0.3], fill=hair)
    for side in (-1, 1):  # brows, eyes
        ex = x + side * w * 0.4
        d.line([(ex - w * 0.2, y - h * 0.2), (ex + w * 0.2, y - h * 0.22)], fill=hair, width=6)
        d.ellipse([ex - 9, y - 7, ex + 9, y + 7], fill=(250, 250, 248))
        d.ellipse([ex - 5, y - 5, ex + 5, y + 5], fill=(44, 36, 32))
    nose = [(x, y + 4), (x - w * 0.1, y + h * 0.3), (x + w * 0.04, y + h * 0.33)]
    d.line(nose, fill=shade, width=4)
    mouth = [x - w * 0.32, y + h * 0.3, x + w * 0.32, y + h * 0.62]
    d.arc(mouth, 20, 160, fill=(150, 76, 70), width=5)
    img = finish(img.filter(ImageFilter.GaussianBlur(0.8)), rng, grain=5, vignette=0.15)
    return jpeg(img if tuple(size) == (s, s) else img.resize(tuple(size), Image.LANCZOS))
