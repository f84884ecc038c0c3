"""The demo's photographs, painted with Pillow from a motif and a seed.

Generated rather than shipped: 43 JPEGs would weigh more than the whole code base, and
invented scenes carry no one's rights. Each picture is a landscape in layers (sky, light,
clouds, a far band, the motif's subject, then grain and a vignette), so that at card size it
reads as an editorial photo rather than a pattern. The same motif and seed always give the same
bytes. The painters are the one place allowed functions longer than 60 lines: a scene reads
best top to bottom.
"""

import io
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

MOTIFS = ("city", "field", "rail", "sea", "power", "night", "river", "snow")
W, H = 1600, 900
SKIES = {  # top, middle, horizon
    "dusk": ((24, 34, 72), (96, 88, 132), (238, 152, 98)),
    "sunset": ((44, 58, 104), (178, 112, 116), (250, 184, 112)),
    "day": ((62, 112, 178), (118, 160, 206), (206, 218, 228)),
    "overcast": ((118, 126, 138), (158, 164, 172), (196, 198, 200)),
    "golden": ((70, 96, 150), (170, 150, 140), (246, 200, 136)),
    "dawn": ((58, 74, 118), (150, 140, 160), (236, 196, 170)),
    "night": ((6, 10, 24), (18, 26, 52), (44, 46, 70)),
}
WARM = [(255, 206, 130), (255, 188, 104), (250, 222, 170), (255, 172, 92)]


def mix(a, b, t):
    t = min(1.0, max(0.0, t))
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def jitter(rng, colour, amount=8):
    return tuple(min(255, max(0, round(v + rng.uniform(-amount, amount)))) for v in colour)


def gradient(size, stops):
    """A vertical gradient through `stops`: (position 0..1, colour)."""
    column = []
    for i in range(256):
        t = i / 255
        pairs = zip(stops, stops[1:], strict=False)
        (p0, c0), (p1, c1) = next((a, b) for a, b in pairs if t <= b[0] or b is stops[-1])
        column.append(mix(c0, c1, (t - p0) / (p1 - p0) if p1 > p0 else 0))
    strip = Image.new("RGB", (1, 256))
    strip.putdata(column)
    return strip.resize(size, Image.BILINEAR)


def soft_mask(size, blur, draw):
    """A blurred greyscale mask drawn at a quarter of `size` (soft shapes cost little)."""
    small = Image.new("L", (size[0] // 4, size[1] // 4), 0)
    draw(ImageDraw.Draw(small), 0.25)
    return small.filter(ImageFilter.GaussianBlur(blur)).resize(size, Image.BICUBIC)


def glow(img, centre, radius, colour, strength=0.7):
    (x, y), r, fill = centre, radius, int(255 * strength)
    box = [x - r, y - r, x + r, y + r]
    mask = soft_mask(img.size, r / 10, lambda d, k: d.ellipse([v * k for v in box], fill=fill))
    img.paste(colour, (0, 0), mask)


def clouds(img, rng, top, bottom, colour, count=6, alpha=150):
    """Banks of overlapping soft ellipses, lit from above."""

    def draw(d, k):
        for _ in range(count):
            cx, cy, rw = rng.uniform(-0.1, 1.1) * W, rng.uniform(top, bottom), rng.uniform(60, 260)
            for _ in range(rng.randint(8, 14)):
                ox, r = cx + rng.uniform(-1, 1) * rw, rw * rng.uniform(0.15, 0.4)
                oy = cy - rng.uniform(0, 0.5) * r
                box = [(ox - r) * k, (oy - r * 0.45) * k, (ox + r) * k, (oy + r * 0.45) * k]
                d.ellipse(box, fill=int(alpha * rng.uniform(0.7, 1.0)))

    mask = soft_mask(img.size, 2, draw)
    img.paste(mix(colour, (70, 70, 90), 0.25), (0, 6), mask)
    img.paste(colour, (0, 0), mask)


def sky(rng, horizon, kinds):
    kind = rng.choice(kinds)
    top, middle, low = (jitter(rng, c) for c in SKIES[kind])
    t = horizon / H
    img = gradient((W, H), [(0, top), (t * 0.55, middle), (t, low), (1, low)])
    if kind in ("dusk", "sunset", "golden", "dawn"):
        glow(img, (W * rng.uniform(0.15, 0.85), horizon), W * 0.4, mix(low, (255, 236, 200), 0.5))
    if kind != "night":
        clouds(img, rng, H * 0.05, horizon * 0.75, mix(low, (255, 255, 255), 0.45))
    return img, low, kind


def ground(img, horizon, far, near):
    img.paste(gradient((W, H - int(horizon)), [(0, far), (1, near)]), (0, int(horizon)))
    return ImageDraw.Draw(img)


def treeline(d, rng, y, colour, size=(6, 22), density=5):
    for _ in range(W // density):
        x, r = rng.uniform(0, W), rng.uniform(*size)
        d.ellipse([x - r, y - r * 1.5, x + r, y + 2], fill=jitter(rng, colour, 6))


def buildings(d, lights, rng, base, heights, colour, widths, lit=0.0, domes=0.0):
    """A row of blocks standing on `base`, with lit windows drawn into `lights`."""
    x = -rng.uniform(0, widths[1])
    while x < W:
        width, top = rng.uniform(*widths), base - rng.uniform(*heights)
        c = jitter(rng, colour, 4)
        d.rectangle([x, top, x + width, base], fill=c)
        lights.rectangle([x, top, x + width, base], fill=(0, 0, 0))
        if rng.random() < domes:  # a church: drum, onion dome and spire
            cx, r = x + width / 2, width * 0.25
            d.rectangle([cx - r * 0.7, top - r * 1.1, cx + r * 0.7, top], fill=c)
            d.ellipse([cx - r, top - r * 2.6, cx + r, top - r * 0.6], fill=c)
            spire = [(cx - r * 0.45, top - r * 2.3), (cx + r * 0.45, top - r * 2.3)]
            d.polygon([*spire, (cx, top - r * 3.6)], fill=c)
        win = max(2, int(width / 14))
        for wy in range(int(top + win * 2), int(base - win), win * 3):
            for wx in range(int(x + win), int(x + width - win), win * 2):
                if rng.random() < lit:
                    lights.rectangle([wx, wy, wx + win, wy + win * 1.3], fill=rng.choice(WARM))
        x += width + rng.uniform(-width * 0.1, width * 0.05)


def lit(img, lights, bloom=6):
    halo = lights.filter(ImageFilter.GaussianBlur(bloom))
    return ImageChops.lighter(ImageChops.add(img, halo), lights)


def finish(img, rng, grain=9, vignette=0.4):
    """A lens's softness, film grain (seeded) and darker corners."""
    img = img.filter(ImageFilter.BoxBlur(0.7))
    size = (img.width // 2, img.height // 2)
    layers = [Image.frombytes("L", size, rng.randbytes(size[0] * size[1])) for _ in range(2)]
    noise = ImageChops.add(*layers, 2.0)  # the mean of two uniform layers: near enough Gaussian
    noise = noise.point([min(255, max(0, round(128 + (v - 128) * grain / 52))) for v in range(256)])
    noise = noise.resize(img.size, Image.BILINEAR)
    img = ImageChops.add(img, Image.merge("RGB", (noise,) * 3), 1.0, -128)
    corners = Image.radial_gradient("L").resize(img.size, Image.BILINEAR)
    dark = img.point(lambda v: int(v * (1 - vignette)))
    return Image.composite(dark, img, corners.point(lambda v: min(255, max(0, v - 70) * 2)))


def quad(point, x0, x1, z0, z1):
    """A rectangle on the ground, from `x0` to `x1` across and `z0` to `z1` ahead."""
    return [point(x0, z0), point(x1, z0), point(x1, z1), point(x0, z1)]


def sag(a, b, drop, steps=20):
    """A wire hanging from `a` to `b`, `drop` pixels low in the middle."""
    (ax, ay), (bx, by) = a, b
    ts = [i / steps for i in range(steps + 1)]
    return [(ax + (bx - ax) * t, ay + (by - ay) * t + drop * 4 * t * (1 - t)) for t in ts]


def perspective(horizon, vx, camera, near):
    """Where a point on the ground (x across, z ahead, height y) lands in the picture."""
    f = (H - horizon) * near / camera
    return lambda x, z, y=0: (vx + x * f / z, horizon + (camera - y) * f / z)


def city(rng):
    horizon = H * rng.uniform(0.6, 0.7)
    img, low, _ = sky(rng, horizon, ["dusk", "sunset", "dusk"])
    layer = Image.new("RGB", (W, H))
    d, lights = ImageDraw.Draw(img), ImageDraw.Draw(layer)
    near, haze = jitter(rng, (22, 22, 34), 6), mix(low, (110, 100, 130), 0.45)
    for depth in (0.0, 0.35, 0.7, 1.0):
        colour, base = mix(haze, near, 0.3 + 0.7 * depth), horizon + (H - horizon) * depth
        rise = (H - horizon) * (0.4 + depth) + 40
        widths, domes = (W * (0.02 + 0.05 * depth), W * (0.05 + 0.1 * depth)), 0.06 * (depth < 0.7)
        row = (base + 4, (rise * 0.35, rise), colour, widths, 0.04 + 0.08 * depth, domes)
        buildings(d, lights, rng, *row)
    return finish(lit(img, layer), rng)


def night(rng):
    horizon = H * rng.uniform(0.66, 0.76)
    img, _, _ = sky(rng, horizon, ["night"])
    d = ImageDraw.Draw(img)
    for _ in range(rng.randint(60, 160)):
        x, y, b = rng.uniform(0, W), rng.uniform(0, horizon * 0.8), rng.randint(90, 220)
        d.ellipse([x - 1, y - 1, x + 1, y + 1], fill=(b, b, min(255, b + 20)))

    def beams(d, k):
        for _ in range(rng.randint(2, 4)):
            bx, angle = rng.uniform(0.1, 0.9) * W, rng.uniform(-0.6, 0.6)
            rays = (angle - 0.03, angle + 0.03)
            ends = [(bx + math.sin(a) * H, horizon - math.cos(a) * H) for a in rays]
            d.polygon([(p[0] * k, p[1] * k) for p in [(bx, horizon), *ends]], fill=140)

    img.paste((190, 206, 236), (0, 0), soft_mask(img.size, 2, beams))
    glow(img, (W / 2, horizon), W * 0.7, (96, 70, 50), 0.5)
    layer = Image.new("RGB", (W, H))
    d, lights = ImageDraw.Draw(img), ImageDraw.Draw(layer)
    for depth in (0.0, 0.5, 1.0):
        base, rise = horizon + (H - horizon) * depth, (H - horizon) * (0.5 + 1.2 * depth) + 30
        colour, widths = mix((30, 32, 48), (5, 6, 10), depth), (W * (0.03 + 0.05 * depth), W * 0.2)
        buildings(d, lights, rng, base + 4, (rise * 0.4, rise), colour, widths, 0.015, 0.1)
    return finish(lit(img, layer, bloom=8), rng, grain=12, vignette=0.45)


def field(rng):
    horizon = H * rng.uniform(0.42, 0.54)
    img, low, kind = sky(rng, horizon, ["day", "golden", "day", "overcast"])
    gold = jitter(rng, (176, 128, 44), 14) if kind != "overcast" else (140, 104, 44)
    d = ground(img, horizon, mix(low, (214, 180, 100), 0.6), gold)
    treeline(d, rng, horizon, mix(low, (40, 58, 44), 0.55))
    point = perspective(horizon, W * rng.uniform(0.3, 0.7), 1.7, 3.0)
    light, dark = mix(gold, (255, 236, 170), 0.5), mix(gold, (0, 0, 0), 0.35)
    for row in range(-60, 61, 2):  # rows of the crop running to the horizon
        d.line([point(row, 2.5), point(row, 900)], fill=dark if row % 4 else light, width=2)
    for _ in range(W * H // 400):  # stalks, larger towards the viewer
        t = rng.random() ** 1.6
        x, y, length = rng.uniform(0, W), horizon + 2 + t * (H - horizon), 1 + t * 40
        tip, colour = (x + rng.uniform(-0.3, 0.3) * length, y - length), rng.choice((light, dark))
        d.line([(x, y), tip], fill=colour, width=1 if t < 0.5 else 2)
    return finish(img, rng, grain=8, vignette=0.32)


def rail(rng):
    horizon = H * rng.uniform(0.4, 0.5)
    img, low, _ = sky(rng, horizon, ["overcast", "dawn", "day", "dusk"])
    d = ground(img, horizon, mix(low, (112, 106, 96), 0.6), jitter(rng, (84, 78, 70)))
    treeline(d, rng, horizon, mix(low, (44, 54, 50), 0.55), density=6)
    point = perspective(horizon, W * rng.uniform(0.42, 0.6), 2.9, 3.0)
    tracks = [1.3, 6.0] if rng.random() < 0.7 else [1.3, 6.0, 10.8]
    for x in tracks:
        d.polygon(quad(point, x - 2, x + 2, 2.2, 900), fill=jitter(rng, (92, 86, 80), 6))
        for k in range(600):  # sleepers
            z = 2.2 + k * 0.65
            d.polygon(quad(point, x - 1.3, x + 1.3, z, z + 0.25), fill=(128, 124, 118))
        for r in (x - 0.72, x + 0.72):
            d.line([point(r, 2.2, 0.15), point(r, 900, 0.15)], fill=(160, 162, 168), width=3)
    z, mast = 4.0, tracks[0] - 2.6
    while z < 600:  # catenary masts and wires
        width = max(1, int(60 / z))
        d.line([point(mast, z), point(mast, z, 7)], fill=(52, 54, 58), width=width)
        d.line([point(mast, z, 6.6), point(tracks[-1], z, 6.6)], fill=(52, 54, 58), width=width)
        z *= 1.5
    for x in tracks:
        d.line([point(x, 2.2, 6), point(x, 900, 6)], fill=(50, 50, 56), width=2)
    return finish(img, rng, grain=10, vignette=0.42)


def sea(rng):
    horizon = H * rng.uniform(0.42, 0.55)
    img, low, kind = sky(rng, horizon, ["day", "golden", "dawn", "overcast", "sunset"])
    sun = W * rng.uniform(0.2, 0.8)
    far, near = mix(low, (60, 96, 120), 0.35), jitter(rng, (20, 48, 70))
    d = ground(img, horizon, far, near)
    if rng.random() < 0.6:  # a headland
        cape = [(W * 0.02 * i, horizon - H * 0.05 * (1 - i / 20) ** 0.7) for i in range(21)]
        cape = [(0, horizon + 1), *cape, (W * 0.4, horizon + 1)]
        d.polygon(cape, fill=mix(low, (70, 84, 96), 0.45))
    y = horizon + 1.0
    while y < H:  # wave crests, longer and further apart towards the viewer
        t = (y - horizon) / (H - horizon)
        for _ in range(int(20 + 40 * (1 - t))):
            x, length = rng.uniform(-50, W + 50), 4 + t * W * 0.05 * rng.uniform(0.4, 1.2)
            sunlit = kind != "overcast" and kind != "day" and abs(x - sun) < W * (0.03 + 0.18 * t)
            glint = (255, 236, 196) if sunlit else (255, 255, 255)
            colour = mix(mix(far, near, t), glint, rng.uniform(0.3, 0.8) * (0.3 + 0.7 * sunlit))
            d.line([(x, y), (x + length, y)], fill=colour, width=max(1, int(t * 5)))
        y += 1.0 + t * t * 16
    if rng.random() < 0.75:  # a freighter on the horizon
        x, size = W * rng.uniform(0.12, 0.78), W * rng.uniform(0.06, 0.13)
        c = mix(low, (40, 44, 52), 0.7)
        deck, y = horizon - size * 0.09, horizon + 1
        d.polygon([(x, deck), (x + size, deck), (x + size * 0.97, y), (x + size * 0.03, y)], fill=c)
        d.rectangle([x + size * 0.04, deck - size * 0.14, x + size * 0.16, deck], fill=c)
        for k in range(4):  # containers
            left = x + size * (0.3 + k * 0.16)
            d.rectangle([left, deck - size * 0.04, left + size * 0.1, deck], fill=c)
    return finish(img, rng, grain=8, vignette=0.35)


def power(rng):
    horizon = H * rng.uniform(0.7, 0.8)
    img, low, _ = sky(rng, horizon, ["overcast", "dusk", "day", "sunset"])
    snowy = rng.random() < 0.35
    far = mix(low, (230, 232, 240) if snowy else (120, 120, 100), 0.6)
    d = ground(img, horizon, far, (206, 210, 222) if snowy else jitter(rng, (92, 86, 60)))
    treeline(d, rng, horizon, mix(low, (40, 46, 44), 0.6), size=(8, 16))
    point = perspective(horizon, W / 2, 1.7, 4.0)
    line_x = rng.uniform(8, 22) * rng.choice([-1, 1])
    slope, z, span = rng.uniform(0.05, 0.2) * (-1 if line_x > 0 else 1), rng.uniform(19, 26), 32
    steel, previous = jitter(rng, (34, 36, 42), 4), None
    while z < 900:
        x = line_x + slope * z
        (bx, by), (_, ty) = point(x, z), point(x, z, 34)
        tall, c, width = by - ty, mix(steel, low, min(0.7, z / 700)), max(1, int((by - ty) / 90))
        half = tall * 0.13
        legs = [(-1, 0), (-0.25, 0.62), (0, 1), (0.25, 0.62), (1, 0)]
        d.line([(bx + half * a, by - tall * b) for a, b in legs], fill=c, width=width)
        for k in range(6):  # lattice bracing
            y0, y1 = by - tall * 0.62 * k / 6, by - tall * 0.62 * (k + 1) / 6
            w0, w1 = half * (1 - 0.75 * k / 6), half * (1 - 0.75 * (k + 1) / 6)
            d.line([(bx - w0, y0), (bx + w1, y1), (bx - w1, y1), (bx + w0, y0)], fill=c, width=1)
        spans = [(s * a, h) for h, a in ((0.62, 0.3), (0.8, 0.22)) for s in (-1, 1)]
        arms = [(bx + tall * a, by - tall * h) for a, h in spans]
        for ax, ay in arms:
            d.line([(bx, ay), (ax, ay)], fill=c, width=width)
        if previous:
            for arm, nearer in zip(arms, previous, strict=True):
                wire = sag(arm, nearer, tall * 0.15)
                d.line(wire, fill=mix(steel, low, 0.25), width=1 + int(tall / 260))
        previous, z = arms, z + span
        if tall < 3:
            break
    return finish(img, rng)


def river(rng):
    line = int(H * rng.uniform(0.5, 0.56))  # the water line at the far bank
    img, low, kind = sky(rng, line, ["golden", "dusk", "day", "overcast", "dawn"])
    layer = Image.new("RGB", (W, H))
    d, lights = ImageDraw.Draw(img), ImageDraw.Draw(layer)
    bank = H * rng.uniform(0.05, 0.1)
    row = (line - bank * 0.3, (bank, bank * 2), mix(low, (70, 72, 84), 0.42), (W * 0.01, W * 0.028))
    buildings(d, lights, rng, *row, lit=0.12 if kind in ("dusk", "dawn") else 0, domes=0.22)
    phase = rng.uniform(0, 6)
    hills = [(W * i / 60, line - bank * (0.6 + 0.4 * math.sin(phase + i / 6))) for i in range(61)]
    d.polygon([(0, line + 1), *hills, (W, line + 1)], fill=mix(low, (50, 66, 56), 0.5))
    img = lit(img, layer)
    upper = img.crop((0, 0, W, line)).transpose(Image.FLIP_TOP_BOTTOM)
    water = Image.blend(upper, Image.new("RGB", upper.size, (24, 40, 52)), 0.45)
    strips = [water.crop((0, y, W, y + 3)) for y in range(0, water.height, 3)]
    for n, strip in enumerate(strips):  # ripples: each strip shifted sideways a little
        water.paste(strip, (int(math.sin(n * 0.9 + phase) * (2 + n * 0.12)), n * 3))
    img.paste(water.filter(ImageFilter.GaussianBlur(1.5)), (0, line))
    d = ImageDraw.Draw(img)
    deck, c = line + (H - line) * rng.uniform(0.1, 0.25), mix(low, (30, 32, 38), 0.7)
    d.rectangle([0, deck - 14, W, deck], fill=c)  # a bridge across, on arches
    for x in range(-100, W + 200, 260):
        d.pieslice([x, deck - 6, x + 260, deck + 200], 180, 360, fill=None, outline=c, width=10)
        d.rectangle([x - 12, deck, x + 12, H], fill=c)
    return finish(img, rng)


def snow(rng):
    horizon = H * rng.uniform(0.42, 0.5)
    img, low, _ = sky(rng, horizon, ["overcast", "overcast", "dawn"])
    img = Image.blend(img, Image.new("RGB", (W, H), (214, 220, 230)), 0.25)
    d = ground(img, horizon, mix(low, (226, 230, 238), 0.6), (236, 240, 248))
    point = perspective(horizon, W * rng.uniform(0.4, 0.6), 1.7, 4.0)
    for x in (-2.6, -1.0, 1.0, 2.6):  # tyre tracks
        d.line([point(x, 2.0), point(x, 1200)], fill=(196, 198, 208), width=4)
    trees = [(rng.uniform(5, 60) * rng.choice([-1, 1]), rng.uniform(4, 300)) for _ in range(70)]
    for x, z in sorted(trees, key=lambda tree: -tree[1]):  # firs, far ones first, snow-laden
        (bx, by), (_, ty) = point(x, z), point(x, z, rng.uniform(6, 11))
        tall, green = by - ty, mix((34, 52, 44), low, min(0.75, z / 250))
        for k in range(4):
            y0, y1, half = ty + tall * k / 5, ty + tall * (k / 5 + 0.3), tall * (0.12 + 0.07 * k)
            d.polygon([(bx, y0), (bx - half, y1), (bx + half, y1)], fill=green)
            snowline = [(bx - half, y1), (bx + half, y1)]
            d.line(snowline, fill=(232, 236, 244), width=1 + int(tall / 40))
    flakes = Image.new("L", (W, H), 0)
    fd = ImageDraw.Draw(flakes)
    for _ in range(1400):
        x, y, r = rng.uniform(0, W), rng.uniform(0, H), rng.choice((1, 1.5, 2, 3))
        fd.ellipse([x - r, y - r, x + r, y + r], fill=rng.randint(120, 230))
    img.paste((250, 250, 255), (0, 0), flakes.filter(ImageFilter.GaussianBlur(0.8)))
    return finish(img, rng, grain=7, vignette=0.3)


PAINTERS = {name: globals()[name] for name in MOTIFS}


def jpeg(img):
    out = io.BytesIO()
    img.convert("RGB").save(out, "JPEG", quality=82, optimize=True, progressive=True)
    return out.getvalue()


def make_photo(motif, seed, size=(W, H)):
    """A JPEG of `motif` (one of MOTIFS, else "city"), the same for the same seed."""
    img = PAINTERS.get(motif, city)(random.Random(f"{motif}:{seed:d}"))
    return jpeg(img if tuple(size) == (W, H) else img.resize(size, Image.LANCZOS))
