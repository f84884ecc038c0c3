"""Deterministic, dependency-light picture generators for the demo site.

Everything here uses Pillow only (no numpy, no fonts, no network). Each
function takes a seed and always returns the same JPEG bytes for the same
arguments, so demo content can be re-created reproducibly.

    make_photo(motif, seed, size=(1600, 900)) -> bytes   # JPEG
    make_portrait(seed, size=(600, 600)) -> bytes        # JPEG

Motifs: see ``MOTIFS``. Unknown motifs fall back to "city".

Run ``python -m newsdesk.demo.images`` (or this file directly) to write
samples into /tmp/demo-samples/.
"""

import io
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

MOTIFS = ("city", "field", "rail", "sea", "power", "night", "river", "snow")

JPEG_QUALITY = 82


# ---------------------------------------------------------------------------
# small colour / image helpers
# ---------------------------------------------------------------------------


def _clamp(v):
    return 0 if v < 0 else 255 if v > 255 else int(v)


def _mix(c1, c2, t):
    t = 0.0 if t < 0 else 1.0 if t > 1 else t
    return tuple(_clamp(round(c1[i] + (c2[i] - c1[i]) * t)) for i in range(3))


def _jit(rng, c, amt=10):
    return tuple(_clamp(v + rng.uniform(-amt, amt)) for v in c)


def _scale(c, f):
    return tuple(_clamp(v * f) for v in c)


def _vgradient(size, stops):
    """Vertical gradient. ``stops`` is a list of (position 0..1, rgb)."""
    w, h = size
    n = 256
    px = []
    for i in range(n):
        t = i / (n - 1)
        for j in range(len(stops) - 1):
            p0, c0 = stops[j]
            p1, c1 = stops[j + 1]
            if t <= p1 or j == len(stops) - 2:
                u = 0.0 if p1 == p0 else (t - p0) / (p1 - p0)
                px.append(_mix(c0, c1, u))
                break
    col = Image.new("RGB", (1, n))
    col.putdata(px)
    return col.resize((w, h), Image.BILINEAR)


def _radial_mask(size, power=1.0, strength=1.0):
    """L mask: bright (255*strength) in the middle fading to 0 at the edge."""
    g = Image.radial_gradient("L")  # 0 in the centre, 255 at the rim
    lut = []
    for v in range(256):
        d = min(1.0, v / 181.0)  # 181 ~ 128*sqrt(2): corner of the square
        lut.append(_clamp(255 * strength * (1.0 - d) ** power))
    g = g.point(lut)
    return g.resize(size, Image.BILINEAR)


def _glow(img, center, radius, color, strength=0.8, power=2.0):
    """Soft radial light pasted onto ``img`` (in place)."""
    r = max(2, int(radius))
    mask = _radial_mask((2 * r, 2 * r), power=power, strength=strength)
    img.paste(color, (int(center[0] - r), int(center[1] - r)), mask)


def _noise(rng, size, sigma):
    """Deterministic noise image (mode L) centred on 128 with roughly the given
    standard deviation. (Image.effect_noise is not seedable, so we build it
    from the seeded RNG: the mean of two uniform layers is triangular, close
    enough to Gaussian for grain.)"""
    n = size[0] * size[1]
    a = Image.frombytes("L", size, rng.randbytes(n))
    b = Image.frombytes("L", size, rng.randbytes(n))
    tri = ImageChops.add(a, b, 2.0)  # std ~52
    k = sigma / 52.0
    return tri.point([_clamp(128 + (v - 128) * k) for v in range(256)])


def _grain(img, rng, amount=10.0, coarse=2.5):
    """Film-like grain plus a low-frequency mottle, added around mid-grey."""
    w, h = img.size
    fine = _noise(rng, (max(8, w // 2), max(8, h // 2)), amount)
    fine = fine.resize((w, h), Image.BILINEAR)
    if coarse:
        low = _noise(rng, (max(4, w // 48), max(4, h // 48)), coarse)
        low = low.resize((w, h), Image.BICUBIC)
        fine = ImageChops.add(fine, low, 1.0, -128)
    noise = Image.merge("RGB", (fine, fine, fine))
    return ImageChops.add(img, noise, 1.0, -128)


def _vignette(img, strength=0.45):
    w, h = img.size
    mask = _radial_mask((w, h), power=0.9)
    dark = img.point(lambda v: int(v * (1.0 - strength)))
    return Image.composite(img, dark, mask)


def _blur(img, radius):
    """Fast approximate blur for full-size images. Small radii use a single box
    pass; larger radii are blurred at reduced resolution and scaled back up."""
    if radius <= 0:
        return img
    if radius < 2:
        return img.filter(ImageFilter.BoxBlur(radius))
    w, h = img.size
    f = 4 if radius >= 8 else 2
    small = img.resize((max(1, w // f), max(1, h // f)), Image.BOX)
    small = small.filter(ImageFilter.GaussianBlur(radius / f))
    return small.resize((w, h), Image.BILINEAR)


def _finish(img, rng, grain=9.0, vignette=0.4, soften=0.7):
    if soften:
        img = _blur(img, soften)
    img = _grain(img, rng, amount=grain)
    if vignette:
        img = _vignette(img, vignette)
    return img


def _to_jpeg(img):
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buf.getvalue()


def _soft_clouds(img, rng, y0, y1, color, count=7, alpha=150, flat=0.45, shade=None):
    """Cloud banks between y0 and y1: soft edges, lit tops, shaded bases."""
    w, h = img.size
    sw, sh = w // 4, h // 4
    mask = Image.new("L", (sw, sh), 0)
    d = ImageDraw.Draw(mask)
    for _ in range(count):
        cx = rng.uniform(-0.1, 1.1) * sw
        cy = rng.uniform(y0, y1) / 4
        rw = rng.uniform(0.06, 0.2) * sw * (0.6 + 0.8 * cy * 4 / max(1, y1))
        base = cy + rw * flat * 0.5
        for _k in range(rng.randint(9, 18)):
            u = rng.uniform(-1, 1)
            ox = cx + u * rw * 1.1
            r = rw * rng.uniform(0.14, 0.42) * (1.15 - 0.6 * abs(u))
            oy = base - r * flat * 0.6 - rw * flat * rng.uniform(0.0, 0.9) * (1 - abs(u)) ** 1.5
            d.ellipse(
                [ox - r, oy - r * flat, ox + r, min(base, oy + r * flat)],
                fill=int(alpha * rng.uniform(0.8, 1.0)),
            )
    soft = mask.filter(ImageFilter.GaussianBlur(max(0.8, sw / 320)))
    up = soft.transform(soft.size, Image.AFFINE, (1, 0, 0, 0, 1, max(1, sh / 60)))
    top = ImageChops.multiply(soft, up.filter(ImageFilter.GaussianBlur(sw / 300 + 0.5)))
    soft = soft.resize((w, h), Image.BICUBIC)
    top = top.resize((w, h), Image.BICUBIC)
    if shade is None:
        shade = _scale(color, 0.78)
    img.paste(shade, (0, 0), soft)
    img.paste(color, (0, 0), top)


def _lights_layer(size):
    return Image.new("RGB", size, (0, 0, 0))


def _apply_lights(img, lights, glow_radius=6, glow_gain=1.0):
    """Add a layer of lights (black background) with a soft bloom."""
    bloom = _blur(lights, glow_radius)
    if glow_gain != 1.0:
        bloom = bloom.point(lambda v: _clamp(v * glow_gain))
    img = ImageChops.add(img, bloom)
    return ImageChops.lighter(img, lights)


class _Cam:
    """Tiny pinhole camera looking along +Z, horizon at y = vpy."""

    def __init__(self, w, h, vpx, vpy, cam_h, z_near):
        self.w, self.h = w, h
        self.vpx, self.vpy = vpx, vpy
        self.cam_h = cam_h
        # ground point at z_near lands on the bottom edge of the frame
        self.f = (h - vpy) * z_near / cam_h

    def p(self, x, y, z):
        return (self.vpx + x * self.f / z, self.vpy + (self.cam_h - y) * self.f / z)

    def quad(self, pts):
        return [self.p(*q) for q in pts]


# ---------------------------------------------------------------------------
# skies
# ---------------------------------------------------------------------------

_SKIES = {
    # name: (top, middle, horizon)
    "dusk": ((24, 34, 72), (96, 88, 132), (238, 152, 98)),
    "sunset": ((44, 58, 104), (178, 112, 116), (250, 184, 112)),
    "blue": ((16, 28, 62), (48, 74, 122), (136, 150, 178)),
    "day": ((62, 112, 178), (118, 160, 206), (206, 218, 228)),
    "overcast": ((118, 126, 138), (158, 164, 172), (196, 198, 200)),
    "golden": ((70, 96, 150), (170, 150, 140), (246, 200, 136)),
    "dawn": ((58, 74, 118), (150, 140, 160), (236, 196, 170)),
}


def _sky(rng, size, horizon_y, kind):
    top, mid, hor = (_jit(rng, c, 8) for c in _SKIES[kind])
    h = size[1]
    t = horizon_y / h
    return _vgradient(size, [(0.0, top), (t * 0.55, mid), (t, hor), (1.0, hor)]), hor


# ---------------------------------------------------------------------------
# building silhouettes (used by city / night / river)
# ---------------------------------------------------------------------------


def _skyline(
    d,
    lights,
    rng,
    w,
    ground,
    top_min,
    top_max,
    color,
    wmin,
    wmax,
    lit_prob=0.0,
    win=0,
    lit_colors=None,
    domes=0.0,
    cranes=0.0,
    gap=0.0,
    lights_draw=None,
):
    x = -rng.uniform(0, wmax)
    while x < w:
        bw = rng.uniform(wmin, wmax)
        if rng.random() < gap:
            x += bw * rng.uniform(0.2, 0.8)
            continue
        top = rng.uniform(top_min, top_max)
        c = _jit(rng, color, 4)
        d.rectangle([x, top, x + bw, ground], fill=c)
        if lights_draw is not None:  # nearer buildings hide lights behind them
            lights_draw.rectangle([x, top, x + bw, ground], fill=(0, 0, 0))
        r = rng.random()
        if r < 0.18:  # stepped top
            d.rectangle([x + bw * 0.2, top - bw * 0.25, x + bw * 0.8, top], fill=c)
        elif r < 0.30:  # pitched roof
            d.polygon([(x, top), (x + bw / 2, top - bw * 0.3), (x + bw, top)], fill=c)
        elif r < 0.40:  # antenna
            ax = x + bw * rng.uniform(0.2, 0.8)
            d.line(
                [(ax, top), (ax, top - bw * rng.uniform(0.3, 0.8))],
                fill=c,
                width=max(1, int(bw / 40)),
            )
        if domes and rng.random() < domes:  # church: drum, onion dome, spire
            dx = x + bw / 2
            dw = bw * rng.uniform(0.22, 0.35)
            d.rectangle([dx - dw * 0.7, top - dw * 1.1, dx + dw * 0.7, top], fill=c)
            d.ellipse([dx - dw, top - dw * 2.6, dx + dw, top - dw * 0.6], fill=c)
            d.polygon(
                [
                    (dx - dw * 0.45, top - dw * 2.3),
                    (dx + dw * 0.45, top - dw * 2.3),
                    (dx, top - dw * 3.3),
                ],
                fill=c,
            )
            d.line([(dx, top - dw * 3.3), (dx, top - dw * 4.0)], fill=c, width=max(1, int(dw / 8)))
        if cranes and rng.random() < cranes:
            cx = x + bw * 0.5
            ch = (ground - top) * rng.uniform(1.3, 1.8)
            ctop = ground - ch
            lw = max(1, int(bw / 30))
            d.line([(cx, ground), (cx, ctop)], fill=c, width=lw * 2)
            jib = bw * rng.uniform(1.5, 2.6)
            d.line(
                [(cx - jib * 0.3, ctop + lw * 3), (cx + jib, ctop + lw * 3)], fill=c, width=lw * 2
            )
            d.line([(cx, ctop - lw * 6), (cx + jib * 0.7, ctop + lw * 3)], fill=c, width=lw)
            d.line([(cx, ctop - lw * 6), (cx - jib * 0.3, ctop + lw * 3)], fill=c, width=lw)
            hx = cx + jib * rng.uniform(0.3, 0.9)
            d.line([(hx, ctop + lw * 3), (hx, ctop + ch * rng.uniform(0.15, 0.4))], fill=c, width=1)
        if lit_prob and win and lights_draw is not None:
            ww = max(1, win)
            wh = max(2, int(win * 1.35))
            sx = ww * 2.1
            sy = wh * 1.9
            cols = int((bw - ww) // sx)
            rows = int((ground - top - wh) // sy)
            if cols > 0 and rows > 0:
                ox = x + (bw - cols * sx) / 2 + (sx - ww) / 2
                floor_bias = rng.uniform(0.5, 1.5)
                for ry in range(rows):
                    wy = top + wh * 0.9 + ry * sy
                    for cx_ in range(cols):
                        if rng.random() < lit_prob * floor_bias:
                            wx = ox + cx_ * sx
                            lc = rng.choice(lit_colors)
                            lc = _scale(lc, rng.uniform(0.55, 1.0))
                            lights_draw.rectangle([wx, wy, wx + ww, wy + wh], fill=lc)
        x += bw + rng.uniform(-bw * 0.15, bw * 0.05)


_WARM = [(255, 206, 130), (255, 188, 104), (250, 222, 170), (255, 172, 92), (236, 232, 214)]


# ---------------------------------------------------------------------------
# motifs
# ---------------------------------------------------------------------------


def _city(rng, w, h):
    kind = rng.choice(["dusk", "sunset", "blue", "dusk"])
    hy = h * rng.uniform(0.6, 0.72)
    img, hor = _sky(rng, (w, h), hy, kind)
    sun_x = w * rng.uniform(0.15, 0.85)
    _glow(img, (sun_x, hy), w * 0.45, _mix(hor, (255, 236, 200), 0.5), strength=0.55, power=1.6)
    _soft_clouds(img, rng, h * 0.08, hy * 0.7, _mix(hor, (90, 80, 110), 0.45), count=5, alpha=110)
    lights = _lights_layer((w, h))
    ld = ImageDraw.Draw(lights)
    d = ImageDraw.Draw(img)
    near = _jit(rng, (22, 22, 34), 6)
    haze = _mix(hor, (110, 100, 130), 0.45)
    layers = 4
    band = h - hy
    for li in range(layers):
        depth = li / (layers - 1)
        col = _mix(haze, near, 0.3 + 0.7 * depth**0.8)
        ground = hy + band * (0.04 + 0.98 * depth)
        unit = w * (0.022 + 0.05 * depth)
        rise_lo = band * (0.15 + 0.35 * depth) + h * 0.03
        rise_hi = band * (0.45 + 0.85 * depth) + h * 0.06
        d.rectangle([0, ground - rise_lo * 0.5, w, h], fill=col)  # low-rise fill between towers
        _skyline(
            d,
            lights,
            rng,
            w,
            ground + 2,
            ground - rise_hi,
            ground - rise_lo,
            col,
            unit,
            unit * 2.2,
            lit_prob=(0.0 if depth < 0.3 else 0.05 + 0.05 * depth),
            win=int(2 + 5 * depth),
            lit_colors=_WARM,
            domes=0.06 if depth < 0.7 else 0.0,
            cranes=0.07 if 0.2 < depth < 0.8 else 0.0,
            gap=0.12 * depth,
            lights_draw=ld,
        )
        if li < layers - 1:
            img = _blur(img, 0.9 * (1 - depth) + 0.3)
            d = ImageDraw.Draw(img)
    img = _apply_lights(img, lights, glow_radius=5, glow_gain=0.9)
    return _finish(img, rng, grain=9, vignette=0.38)


def _field(rng, w, h):
    kind = rng.choice(["day", "golden", "day", "overcast", "golden"])
    hy = h * rng.uniform(0.42, 0.56)
    img, hor = _sky(rng, (w, h), hy, kind)
    sun_x = w * rng.uniform(0.1, 0.9)
    if kind == "golden":
        _glow(img, (sun_x, hy * 0.92), w * 0.4, (255, 226, 170), strength=0.6, power=1.8)
    cloud = (250, 248, 244) if kind != "overcast" else (214, 214, 216)
    if kind == "golden":
        cloud = (250, 222, 196)
    _soft_clouds(img, rng, h * 0.05, hy * 0.85, cloud, count=rng.randint(5, 10), alpha=190)
    d = ImageDraw.Draw(img)
    # distant tree line / shelter belts
    tree = _mix(hor, (40, 58, 44), 0.55)
    x = 0
    while x < w:
        seg = rng.uniform(w * 0.05, w * 0.3)
        if rng.random() < 0.7:
            th = h * rng.uniform(0.008, 0.025)
            for _ in range(int(seg / 9)):
                cx = x + rng.uniform(0, seg)
                r = th * rng.uniform(0.6, 1.3)
                d.ellipse(
                    [cx - r * 1.3, hy - r * 1.4, cx + r * 1.3, hy + 2], fill=_jit(rng, tree, 5)
                )
        x += seg
    # a grain elevator on the horizon, sometimes
    if rng.random() < 0.55:
        ex = w * rng.uniform(0.1, 0.85)
        eh = h * rng.uniform(0.05, 0.09)
        ec = _mix(hor, (96, 98, 104), 0.45)
        n = rng.randint(4, 8)
        cw = eh * 0.2
        for i in range(n):
            sx = ex + i * cw * 1.02
            d.rectangle([sx, hy - eh * 0.8, sx + cw, hy + 1], fill=ec)
            d.ellipse([sx, hy - eh * 0.8 - cw * 0.3, sx + cw, hy - eh * 0.8 + cw * 0.3], fill=ec)
        tx = ex + n * cw * 1.02
        d.rectangle([tx, hy - eh * 1.5, tx + cw * 1.4, hy + 1], fill=_scale(ec, 0.95))
        d.polygon(
            [(tx, hy - eh * 1.5), (tx + cw * 0.7, hy - eh * 1.62), (tx + cw * 1.4, hy - eh * 1.5)],
            fill=_scale(ec, 0.95),
        )
        d.line([(tx + cw * 1.4, hy - eh * 1.2), (tx + cw * 3.5, hy - eh * 0.3)], fill=ec, width=2)
    # the field itself
    near_gold = _jit(rng, (176, 128, 44), 14)
    far_gold = _mix(hor, (214, 180, 100), 0.6)
    if kind == "overcast":
        near_gold = _scale(near_gold, 0.8)
    field = _vgradient(
        (w, int(h - hy) + 1),
        [(0, far_gold), (0.35, _mix(far_gold, near_gold, 0.6)), (1, near_gold)],
    )
    img.paste(field, (0, int(hy)))
    d = ImageDraw.Draw(img)
    # wind moving through the crop: soft lighter and darker swathes
    sw_ = Image.new("L", (w // 8, h // 8), 0)
    sd = ImageDraw.Draw(sw_)
    for _ in range(rng.randint(5, 9)):
        t = rng.uniform(0.05, 1.0)
        y = (hy + t * (h - hy)) / 8
        x = rng.uniform(0, w / 8)
        rx = rng.uniform(0.1, 0.35) * w / 8
        ry = 2 + t * 10
        sd.ellipse([x - rx, y - ry, x + rx, y + ry], fill=rng.randint(50, 110))
    sw_ = sw_.filter(ImageFilter.GaussianBlur(4)).resize((w, h), Image.BICUBIC)
    img.paste(_mix(near_gold, (255, 232, 160), 0.45), (0, 0), sw_)
    d = ImageDraw.Draw(img)
    # stalks: short strokes whose size grows towards the viewer
    light = _mix(near_gold, (255, 236, 170), 0.55)
    dark = _scale(near_gold, 0.62)
    n = int(w * h / 230)
    for _ in range(n):
        t = rng.random() ** 1.6
        y = hy + 2 + t * (h - hy)
        x = rng.uniform(0, w)
        ln = 1 + t * h * 0.045
        lean = rng.uniform(-0.35, 0.35) * ln
        c = light if rng.random() < 0.5 else dark
        c = _mix(_mix(far_gold, c, 0.35 + 0.65 * t), c, 0.3)
        d.line([(x, y), (x + lean, y - ln)], fill=c, width=1 if t < 0.5 else 2)
        if t > 0.55 and rng.random() < 0.25:  # ear of wheat
            ex, ey = x + lean, y - ln
            r = 1 + t * 3
            d.ellipse([ex - r * 0.6, ey - r * 2.2, ex + r * 0.6, ey + r * 0.2], fill=light)
    img = _finish(img, rng, grain=8, vignette=0.32)
    return img


def _rail(rng, w, h):
    kind = rng.choice(["overcast", "dawn", "day", "dusk"])
    vpx = w * rng.uniform(0.42, 0.6)
    vpy = h * rng.uniform(0.4, 0.5)
    img, hor = _sky(rng, (w, h), vpy, kind)
    _soft_clouds(img, rng, 0, vpy * 0.8, _mix(hor, (255, 255, 255), 0.4), count=5, alpha=120)
    d = ImageDraw.Draw(img)
    # far tree line and low buildings at the vanishing point
    tree = _mix(hor, (44, 54, 50), 0.55)
    for _ in range(int(w / 6)):
        cx = rng.uniform(0, w)
        r = h * rng.uniform(0.008, 0.03) * (0.5 + abs(cx - vpx) / w)
        d.ellipse([cx - r, vpy - r * 1.6, cx + r, vpy + 2], fill=_jit(rng, tree, 6))
    ground_far = _mix(hor, (112, 106, 96), 0.6)
    ground_near = _jit(rng, (84, 78, 70), 8)
    ground = _vgradient((w, int(h - vpy) + 1), [(0, ground_far), (1, ground_near)])
    img.paste(ground, (0, int(vpy)))
    d = ImageDraw.Draw(img)
    cam = _Cam(w, h, vpx, vpy, cam_h=2.9, z_near=3.0)
    zf = 900.0
    zn = 2.2
    # ballast beds
    ballast = _jit(rng, (92, 86, 80), 6)
    tracks = [1.3, 6.0] if rng.random() < 0.7 else [1.3, 6.0, 10.8]
    for cx in tracks:
        d.polygon(
            cam.quad([(cx - 2.0, 0, zn), (cx + 2.0, 0, zn), (cx + 2.0, 0, zf), (cx - 2.0, 0, zf)]),
            fill=ballast,
        )
    # sleepers
    sleeper = _jit(rng, (128, 124, 118), 6)
    for cx in tracks:
        z = zn
        while z < 160:
            q = cam.quad(
                [
                    (cx - 1.35, 0.05, z),
                    (cx + 1.35, 0.05, z),
                    (cx + 1.35, 0.05, z + 0.28),
                    (cx - 1.35, 0.05, z + 0.28),
                ]
            )
            d.polygon(q, fill=_scale(sleeper, rng.uniform(0.92, 1.04)))
            z += 0.55
    # rails: 1520 mm gauge
    rail_c = _mix(hor, (200, 200, 205), 0.5)
    rail_dark = (58, 52, 48)
    for cx in tracks:
        for rx in (cx - 0.76, cx + 0.76):
            d.polygon(
                cam.quad(
                    [
                        (rx - 0.07, 0.16, zn),
                        (rx + 0.07, 0.16, zn),
                        (rx + 0.07, 0.16, zf),
                        (rx - 0.07, 0.16, zf),
                    ]
                ),
                fill=rail_dark,
            )
            d.polygon(
                cam.quad(
                    [
                        (rx - 0.035, 0.18, zn),
                        (rx + 0.035, 0.18, zn),
                        (rx + 0.035, 0.18, zf),
                        (rx - 0.035, 0.18, zf),
                    ]
                ),
                fill=rail_c,
            )
            d.line([cam.p(rx, 0.18, 40), cam.p(rx, 0.18, zf)], fill=rail_c, width=1)
    # platform on the left, camera standing on it
    pf_top = 1.1
    pc = _jit(rng, (150, 146, 140), 8)
    face = _scale(pc, 0.55)
    pzn = 0.6
    d.polygon(
        cam.quad([(-1.2, 0, pzn), (-1.2, pf_top, pzn), (-1.2, pf_top, 260), (-1.2, 0, 260)]),
        fill=face,
    )
    d.polygon(
        cam.quad(
            [(-40, pf_top, pzn), (-1.2, pf_top, pzn), (-1.2, pf_top, 260), (-40, pf_top, 260)]
        ),
        fill=pc,
    )
    d.polygon(
        cam.quad(
            [(-1.2, pf_top, pzn), (-1.05, pf_top, pzn), (-1.05, pf_top, 260), (-1.2, pf_top, 260)]
        ),
        fill=_scale(pc, 1.12),
    )
    d.polygon(
        cam.quad(
            [
                (-1.9, pf_top + 0.01, pzn),
                (-1.72, pf_top + 0.01, pzn),
                (-1.72, pf_top + 0.01, 260),
                (-1.9, pf_top + 0.01, 260),
            ]
        ),
        fill=_mix(pc, (214, 182, 60), 0.65),
    )
    # platform canopy posts and lamps
    lights = _lights_layer((w, h))
    ld = ImageDraw.Draw(lights)
    lamp_on = kind in ("dusk", "dawn", "overcast")
    z = 6.0
    while z < 240:
        b = cam.p(-4.0, pf_top, z)
        t = cam.p(-4.0, pf_top + 4.2, z)
        lw = max(1, int(cam.f * 0.12 / z))
        d.line([b, t], fill=(40, 40, 44), width=lw)
        arm = cam.p(-3.2, pf_top + 4.2, z)
        d.line([t, arm], fill=(40, 40, 44), width=max(1, lw // 2))
        if lamp_on:
            r = max(1, cam.f * 0.14 / z)
            ld.ellipse(
                [arm[0] - r, arm[1] - r * 0.6, arm[0] + r, arm[1] + r * 0.6], fill=(255, 226, 170)
            )
        z *= 1.35
    # catenary masts on the right of the tracks
    mast_x = tracks[-1] + 2.6
    z = 5.0
    while z < 600:
        b = cam.p(mast_x, 0, z)
        t = cam.p(mast_x, 7.0, z)
        lw = max(1, int(cam.f * 0.22 / z))
        d.line([b, t], fill=(52, 54, 58), width=lw)
        d.line(
            [cam.p(mast_x, 6.6, z), cam.p(tracks[0] - 0.3, 6.6, z)],
            fill=(52, 54, 58),
            width=max(1, lw // 2),
        )
        z *= 1.5
    for cx in tracks:
        d.line(
            [cam.p(cx, 6.0, zn), cam.p(cx, 6.0, zf)], fill=(50, 50, 56), width=max(1, int(w / 900))
        )
        d.line([cam.p(cx, 6.6, zn), cam.p(cx, 6.6, zf)], fill=(50, 50, 56), width=1)
    if lamp_on:
        img = _apply_lights(img, lights, glow_radius=8, glow_gain=1.2)
    return _finish(img, rng, grain=10, vignette=0.42, soften=1.0)


def _sea(rng, w, h):
    kind = rng.choice(["day", "golden", "dawn", "overcast", "sunset"])
    hy = h * rng.uniform(0.42, 0.55)
    img, hor = _sky(rng, (w, h), hy, kind)
    sun_x = w * rng.uniform(0.2, 0.8)
    if kind in ("golden", "dawn", "sunset"):
        _glow(img, (sun_x, hy - h * 0.06), w * 0.35, (255, 232, 190), strength=0.7, power=2.2)
        _glow(img, (sun_x, hy - h * 0.06), h * 0.035, (255, 246, 226), strength=1.0, power=0.6)
    _soft_clouds(img, rng, h * 0.02, hy * 0.8, _mix(hor, (255, 255, 255), 0.5), count=6, alpha=150)
    d = ImageDraw.Draw(img)
    # distant headland
    if rng.random() < 0.6:
        side = rng.choice([-1, 1])
        hc = _mix(hor, (70, 84, 96), 0.45)
        x0 = 0 if side < 0 else w
        span = w * rng.uniform(0.2, 0.45)
        pts = [(x0, hy + 1)]
        steps = 24
        for i in range(steps + 1):
            t = i / steps
            x = x0 - side * span * t * -1 if side < 0 else x0 - span * t
            if side < 0:
                x = span * t
            yy = hy - h * 0.04 * (1 - t) ** 0.7 * (1 + 0.15 * math.sin(i * 1.7))
            pts.append((x, yy))
        pts.append((pts[-1][0], hy + 1))
        d.polygon(pts, fill=hc)
    # water
    far = _mix(hor, (60, 96, 120), 0.35)
    nearc = _jit(rng, (20, 48, 70), 8)
    water = _vgradient((w, int(h - hy) + 1), [(0, far), (0.4, _mix(far, nearc, 0.6)), (1, nearc)])
    img.paste(water, (0, int(hy)))
    d = ImageDraw.Draw(img)
    hi = _mix(hor, (255, 255, 255), 0.3)
    lo = _scale(nearc, 0.7)
    y = hy + 1.0
    while y < h:
        t = (y - hy) / (h - hy)
        step = 1.0 + t * t * 16
        for _ in range(int(20 + 40 * (1 - t))):
            x = rng.uniform(-50, w + 50)
            ln = 4 + t * w * 0.05 * rng.uniform(0.4, 1.2)
            thick = max(1, int(t * 5))
            near_sun = abs(x - sun_x) < (w * 0.03 + t * w * 0.18) and kind in (
                "golden",
                "dawn",
                "sunset",
            )
            base_c = _mix(far, nearc, t)
            if near_sun and rng.random() < 0.6:
                c = _mix(base_c, (255, 236, 196), rng.uniform(0.4, 0.9))
            elif rng.random() < 0.4:
                c = _mix(base_c, hi, rng.uniform(0.08, 0.3))
            else:
                c = _mix(base_c, lo, rng.uniform(0.2, 0.6))
            d.line([(x, y), (x + ln, y)], fill=c, width=thick)
        y += step
    # a ship on the horizon
    if rng.random() < 0.75:
        sx = w * rng.uniform(0.12, 0.78)
        L = w * rng.uniform(0.06, 0.13)
        sc = _mix(hor, (40, 44, 52), 0.7)
        hh = L * 0.09
        d.polygon(
            [(sx, hy - hh), (sx + L, hy - hh), (sx + L * 0.97, hy + 1), (sx + L * 0.03, hy + 1)],
            fill=sc,
        )
        d.rectangle([sx + L * 0.04, hy - hh * 2.6, sx + L * 0.16, hy - hh], fill=sc)  # bridge house
        d.rectangle([sx + L * 0.08, hy - hh * 3.4, sx + L * 0.11, hy - hh * 2.6], fill=sc)
        for k in range(4):  # cranes / hatches
            cx = sx + L * (0.3 + k * 0.16)
            d.rectangle([cx, hy - hh * 1.35, cx + L * 0.1, hy - hh], fill=sc)
            d.line([(cx + L * 0.05, hy - hh), (cx + L * 0.05, hy - hh * 2.2)], fill=sc, width=1)
    water_box = (0, int(hy) + 2, w, h)
    img.paste(_blur(img.crop(water_box), 1.6), water_box[:2])
    return _finish(img, rng, grain=8, vignette=0.35, soften=1.0)


def _pylon(d, x, y, H, color, lw):
    """Lattice transmission tower with its base at (x, y), height H pixels.
    Returns the list of conductor attachment points."""
    bw = H * 0.26
    waist_y = y - H * 0.62
    ww = H * 0.07
    top_y = y - H
    lw = max(1, int(lw))
    lb, rb = (x - bw / 2, y), (x + bw / 2, y)
    lwst, rwst = (x - ww, waist_y), (x + ww, waist_y)
    lt, rt = (x - ww * 0.8, top_y + H * 0.06), (x + ww * 0.8, top_y + H * 0.06)
    d.line([lb, lwst, lt], fill=color, width=lw)
    d.line([rb, rwst, rt], fill=color, width=lw)
    d.line([lt, (x, top_y), rt], fill=color, width=lw)
    # bracing
    segs = 6
    for i in range(segs):
        t0, t1 = i / segs, (i + 1) / segs
        a = (lb[0] + (lwst[0] - lb[0]) * t0, y + (waist_y - y) * t0)
        b = (rb[0] + (rwst[0] - rb[0]) * t1, y + (waist_y - y) * t1)
        c = (rb[0] + (rwst[0] - rb[0]) * t0, y + (waist_y - y) * t0)
        e = (lb[0] + (lwst[0] - lb[0]) * t1, y + (waist_y - y) * t1)
        d.line([a, b], fill=color, width=max(1, lw // 2))
        d.line([c, e], fill=color, width=max(1, lw // 2))
        d.line([e, b], fill=color, width=max(1, lw // 2))
    for i in range(3):
        t0, t1 = i / 3, (i + 1) / 3
        a = (lwst[0] + (lt[0] - lwst[0]) * t0, waist_y + (lt[1] - waist_y) * t0)
        b = (rwst[0] + (rt[0] - rwst[0]) * t1, waist_y + (rt[1] - waist_y) * t1)
        d.line([a, b], fill=color, width=max(1, lw // 2))
    attach = []
    for ay, span in ((waist_y, H * 0.3), (waist_y - H * 0.18, H * 0.22)):
        d.line([(x - span, ay), (x + span, ay)], fill=color, width=lw)
        d.line([(x - span, ay), (x - ww, ay + H * 0.05)], fill=color, width=max(1, lw // 2))
        d.line([(x + span, ay), (x + ww, ay + H * 0.05)], fill=color, width=max(1, lw // 2))
        for sx in (x - span * 0.92, x + span * 0.92):
            d.line([(sx, ay), (sx, ay + H * 0.06)], fill=color, width=max(1, lw // 2))
            attach.append((sx, ay + H * 0.06))
    attach.append((x, top_y))  # earth wire
    return attach


def _sag(d, a, b, sag, color, width):
    pts = []
    n = 24
    for i in range(n + 1):
        t = i / n
        pts.append((a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t + sag * 4 * t * (1 - t)))
    d.line(pts, fill=color, width=width)


def _power(rng, w, h):
    kind = rng.choice(["overcast", "dusk", "day", "sunset", "blue"])
    hy = h * rng.uniform(0.7, 0.8)
    img, hor = _sky(rng, (w, h), hy, kind)
    if kind in ("dusk", "sunset"):
        _glow(
            img, (w * rng.uniform(0.2, 0.8), hy), w * 0.5, (255, 210, 160), strength=0.5, power=1.6
        )
    _soft_clouds(
        img, rng, h * 0.02, hy * 0.75, _mix(hor, (255, 255, 255), 0.35), count=7, alpha=140
    )
    d = ImageDraw.Draw(img)
    snowy = rng.random() < 0.35
    g_far = _mix(hor, (120, 120, 100) if not snowy else (230, 232, 240), 0.6)
    g_near = (92, 86, 60) if not snowy else (206, 210, 222)
    ground = _vgradient((w, int(h - hy) + 1), [(0, g_far), (1, _jit(rng, g_near, 8))])
    img.paste(ground, (0, int(hy)))
    d = ImageDraw.Draw(img)
    tree = _mix(hor, (40, 46, 44), 0.6)
    for _ in range(int(w / 5)):
        cx = rng.uniform(0, w)
        r = h * rng.uniform(0.005, 0.018)
        d.ellipse([cx - r, hy - r * 1.7, cx + r, hy + 2], fill=_jit(rng, tree, 6))
    cam = _Cam(w, h, w * 0.5, hy, cam_h=1.7, z_near=4.0)
    line_x = rng.uniform(8, 22) * rng.choice([-1, 1])
    angle = rng.uniform(0.15, 0.5) * (-1 if line_x > 0 else 1)
    col = _jit(rng, (34, 36, 42), 4)
    prev = None
    z = rng.uniform(19, 26)
    span = rng.uniform(26, 40)
    towers = []
    while z < 900:
        xw = line_x + angle * z
        base = cam.p(xw, 0, z)
        top = cam.p(xw, 34, z)
        H = base[1] - top[1]
        if H < 3:
            break
        towers.append((base, H, z))
        z += span
    wires = _mix(col, hor, 0.25)
    for base, H, z in towers:
        c = _mix(col, hor, min(0.7, z / 700))
        att = _pylon(d, base[0], base[1], H, c, lw=max(1, H / 90))
        if prev is not None:
            for a, b in zip(prev, att, strict=False):
                _sag(d, b, a, (a[1] - b[1]) * 0.0 + H * 0.12, wires, max(1, int(H / 260)))
        else:
            # wires running out of frame towards a virtual tower behind the camera
            zv = z * 0.4
            xv = line_x + angle * zv
            bv = cam.p(xv, 0, zv)
            Hv = bv[1] - cam.p(xv, 34, zv)[1]
            scale = Hv / H
            for a in att:
                off = (bv[0] + (a[0] - base[0]) * scale, bv[1] + (a[1] - base[1]) * scale)
                _sag(d, a, off, Hv * 0.03, wires, max(1, int(H / 160)))
        prev = att
    return _finish(img, rng, grain=9, vignette=0.38, soften=1.0)


def _night(rng, w, h):
    hy = h * rng.uniform(0.66, 0.78)
    top = _jit(rng, (6, 10, 24), 3)
    mid = _jit(rng, (18, 26, 52), 5)
    low = _jit(rng, (44, 46, 70), 6)
    img = _vgradient((w, h), [(0, top), (hy / h * 0.6, mid), (hy / h, low), (1, low)])
    d = ImageDraw.Draw(img)
    for _ in range(rng.randint(60, 160)):
        x, y = rng.uniform(0, w), rng.uniform(0, hy * 0.8)
        b = rng.randint(90, 220)
        r = rng.choice([0.6, 0.8, 1.0, 1.4])
        d.ellipse([x - r, y - r, x + r, y + r], fill=(b, b, min(255, b + 20)))
    if rng.random() < 0.5:
        mx, my = w * rng.uniform(0.1, 0.9), h * rng.uniform(0.08, 0.3)
        _glow(img, (mx, my), h * 0.16, (140, 150, 180), strength=0.35, power=2.0)
        r = h * 0.028
        d.ellipse([mx - r, my - r, mx + r, my + r], fill=(226, 226, 214))
    # searchlight beams
    beams = Image.new("L", (w // 2, h // 2), 0)
    bd = ImageDraw.Draw(beams)
    for _ in range(rng.randint(2, 4)):
        bx = rng.uniform(0.1, 0.9) * w / 2
        by = hy / 2 + 6
        ang = math.radians(rng.uniform(-35, 35))
        L = h * rng.uniform(0.7, 1.1)
        spread = math.radians(rng.uniform(1.2, 2.4))
        p1 = (bx + math.sin(ang - spread) * L, by - math.cos(ang - spread) * L)
        p2 = (bx + math.sin(ang + spread) * L, by - math.cos(ang + spread) * L)
        bd.polygon([(bx - 3, by), p1, p2, (bx + 3, by)], fill=rng.randint(120, 190))
    beams = beams.filter(ImageFilter.GaussianBlur(2.5)).resize((w, h), Image.BILINEAR)
    fade = _vgradient(
        (w, h),
        [
            (0, (10, 10, 10)),
            (hy / h * 0.7, (150, 150, 150)),
            (hy / h, (255, 255, 255)),
            (1, (255, 255, 255)),
        ],
    ).convert("L")
    beams = ImageChops.multiply(beams, fade)
    img.paste((190, 206, 236), (0, 0), beams)
    # city glow near the horizon
    glow = _vgradient(
        (w, h),
        [(0, (0, 0, 0)), (hy / h * 0.8, (0, 0, 0)), (hy / h, (60, 44, 30)), (1, (60, 44, 30))],
    )
    img = ImageChops.add(img, glow)
    d = ImageDraw.Draw(img)
    lights = _lights_layer((w, h))
    ld = ImageDraw.Draw(lights)
    for li in range(3):
        depth = li / 2
        col = _mix((30, 32, 48), (5, 6, 10), 0.3 + 0.7 * depth)
        ground = hy + (h - hy) * (0.05 + 0.95 * depth)
        unit = w * (0.03 + 0.05 * depth)
        _skyline(
            d,
            lights,
            rng,
            w,
            ground + 2,
            ground - (h - hy) * (0.5 + 1.2 * depth) - h * 0.04,
            ground - (h - hy) * (0.2 + 0.5 * depth) - h * 0.02,
            col,
            unit,
            unit * 2.5,
            lit_prob=0.012 if depth > 0.3 else 0.006,
            win=int(2 + 5 * depth),
            lit_colors=[(255, 190, 110), (255, 170, 90), (255, 204, 140), (214, 222, 246)],
            domes=0.1 if li == 0 else 0.0,
            lights_draw=ld,
        )
    img = _apply_lights(img, lights, glow_radius=7, glow_gain=1.3)
    return _finish(img, rng, grain=12, vignette=0.45)


def _ripple(img, rng, amp=14.0):
    """Shift thin horizontal strips sideways, more towards the bottom."""
    w, h = img.size
    out = img.copy()
    y = 0
    phase = rng.uniform(0, 6)
    while y < h:
        t = y / max(1, h)
        hgt = max(1, int(1 + t * 5))
        off = int(math.sin(y * 0.45 + phase) * (2 + t * amp) + rng.uniform(-1, 1) * t * amp * 0.3)
        y1 = min(h, y + hgt)
        strip = img.crop((0, y, w, y1))
        out.paste(strip, (off, y))
        if off > 0:
            out.paste(img.crop((0, y, off, y1)), (0, y))
        elif off < 0:
            out.paste(img.crop((w + off, y, w, y1)), (w + off, y))
        y += hgt
    return out


def _river(rng, w, h):
    kind = rng.choice(["golden", "dusk", "day", "overcast", "dawn"])
    wl = int(h * rng.uniform(0.5, 0.56))  # water line at the far bank
    img, hor = _sky(rng, (w, h), wl, kind)
    if kind in ("golden", "dusk", "dawn"):
        _glow(
            img,
            (w * rng.uniform(0.2, 0.8), wl * 0.9),
            w * 0.4,
            (255, 220, 170),
            strength=0.55,
            power=1.8,
        )
    cloud = _mix(hor, (255, 255, 255), 0.45)
    _soft_clouds(img, rng, h * 0.04, wl * 0.7, cloud, count=6, alpha=170)
    d = ImageDraw.Draw(img)
    lights = _lights_layer((w, h))
    ld = ImageDraw.Draw(lights)
    lit = kind in ("dusk", "dawn")
    # far bank: wooded hills with buildings and the odd dome
    bank = _mix(hor, (50, 66, 56), 0.5)
    base_h = h * rng.uniform(0.05, 0.11)
    ph = rng.uniform(0, 6)

    def ridge(x):
        i = x / w * 40
        return wl - base_h * (0.6 + 0.4 * math.sin(ph + i * 0.25) + 0.12 * math.sin(i * 1.3))

    bcol = _mix(hor, (70, 72, 84), 0.42)
    _skyline(
        d,
        lights,
        rng,
        w,
        wl - base_h * 0.3,
        wl - base_h * 2.0,
        wl - base_h * 1.0,
        bcol,
        w * 0.01,
        w * 0.028,
        domes=0.22,
        gap=0.5,
        lit_prob=0.12 if lit else 0.0,
        win=2,
        lit_colors=_WARM,
        lights_draw=ld,
    )
    pts = [(0, wl + 1)] + [(w * i / 60, ridge(w * i / 60)) for i in range(61)] + [(w, wl + 1)]
    d.polygon(pts, fill=bank)
    for _ in range(int(w / 3)):
        cx = rng.uniform(0, w)
        yy = ridge(cx) + rng.uniform(0, base_h * 0.5)
        r = h * rng.uniform(0.006, 0.016)
        d.ellipse([cx - r, yy - r * 1.3, cx + r, yy + r], fill=_jit(rng, bank, 7))
    d.line([(0, wl), (w, wl)], fill=_scale(bank, 0.75), width=2)
    img = _blur(img, 0.8)
    # water: mirror what is above the water line, tint, ripple
    depth = h - wl
    refl = img.crop((0, max(0, wl - depth), w, wl)).transpose(Image.FLIP_TOP_BOTTOM)
    if refl.size[1] != depth:
        refl = refl.resize((w, depth))
    water_c = _jit(rng, (40, 62, 72), 8)
    refl = Image.blend(refl, Image.new("RGB", refl.size, water_c), 0.35)
    refl = _ripple(_blur(refl, 2), rng)
    refl = ImageChops.multiply(
        refl, _vgradient(refl.size, [(0, (235, 235, 235)), (1, (140, 146, 150))])
    )
    img.paste(refl, (0, wl))
    # the bridge, closer than the far bank, drawn on its own layer so it can be mirrored
    layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    bd = ImageDraw.Draw(layer)
    foot = wl + int(h * rng.uniform(0.06, 0.1))  # where piers meet the water
    deck_y = foot - h * rng.uniform(0.13, 0.19)
    deck_t = h * rng.uniform(0.022, 0.032)
    bc = _mix(hor, (44, 44, 52), 0.72) + (255,)
    pier_c = _scale(bc[:3], 0.9) + (255,)
    style = rng.choice(["arch", "cable", "beam"])
    x0, x1 = -w * 0.05, w * 1.05
    bd.rectangle([x0, deck_y - deck_t, x1, deck_y], fill=bc)
    bd.rectangle([x0, deck_y - deck_t - h * 0.012, x1, deck_y - deck_t - h * 0.008], fill=bc)
    for i in range(120):  # railing posts
        px_ = x0 + (x1 - x0) * i / 120
        bd.line([(px_, deck_y - deck_t - h * 0.012), (px_, deck_y - deck_t)], fill=bc, width=1)
    lamp_pts = []
    if style == "arch":
        n = rng.randint(3, 5)
        sw = (x1 - x0) / n
        aw = max(4, int(h * 0.014))
        for i in range(n + 1):
            ax = x0 + i * sw
            bd.rectangle([ax - sw * 0.05, deck_y, ax + sw * 0.05, foot], fill=pier_c)
        for i in range(n):
            ax = x0 + i * sw
            bd.arc(
                [ax + sw * 0.05, deck_y, ax + sw * 0.95, deck_y + 2 * (foot - deck_y) * 0.95],
                180,
                360,
                fill=bc,
                width=aw,
            )
            for k in range(1, 10):  # spandrel columns
                sx = ax + sw * (0.05 + 0.9 * k / 10)
                u = (sx - (ax + sw * 0.5)) / (sw * 0.45)
                ay = deck_y + (foot - deck_y) * 0.95 * (1 - math.sqrt(max(0.0, 1 - u * u)))
                bd.line([(sx, deck_y), (sx, ay)], fill=bc, width=max(2, aw // 2))
    elif style == "cable":
        px = w * rng.uniform(0.35, 0.65)
        ph_ = h * rng.uniform(0.3, 0.4)
        bd.polygon(
            [
                (px - w * 0.014, deck_y),
                (px - w * 0.005, deck_y - ph_),
                (px + w * 0.005, deck_y - ph_),
                (px + w * 0.014, deck_y),
            ],
            fill=bc,
        )
        bd.rectangle([px - w * 0.016, deck_y, px + w * 0.016, foot], fill=pier_c)
        for k in range(1, 14):
            ty = deck_y - ph_ * (0.5 + 0.45 * k / 14)
            for sgn in (-1, 1):
                bd.line([(px, ty), (px + sgn * w * 0.034 * k, deck_y - deck_t)], fill=bc, width=2)
        for sgn in (-1, 1):
            qx = px + sgn * w * 0.38
            bd.rectangle([qx - w * 0.01, deck_y, qx + w * 0.01, foot], fill=pier_c)
    else:
        n = rng.randint(5, 8)
        for i in range(n + 1):
            ax = x0 + (x1 - x0) * i / n
            bd.polygon(
                [
                    (ax - w * 0.012, deck_y),
                    (ax + w * 0.012, deck_y),
                    (ax + w * 0.008, foot),
                    (ax - w * 0.008, foot),
                ],
                fill=pier_c,
            )
        bd.rectangle([x0, deck_y, x1, deck_y + deck_t * 0.6], fill=bc)
    for i in range(24):
        lx = x0 + (x1 - x0) * (i + 0.5) / 24
        bd.line([(lx, deck_y - deck_t), (lx, deck_y - deck_t - h * 0.05)], fill=bc, width=2)
        lamp_pts.append((lx, deck_y - deck_t - h * 0.05))
    # mirror the bridge around its feet
    span = h - foot
    mir = layer.crop((0, max(0, foot - span), w, foot)).transpose(Image.FLIP_TOP_BOTTOM)
    if mir.size[1] != span:
        mir = mir.resize((w, span))
    r_, g_, b_, a_ = mir.split()
    a_ = a_.point(lambda v: int(v * 0.6))
    mir = Image.merge("RGBA", (r_, g_, b_, a_))
    mir_rgb = _ripple(
        Image.composite(mir.convert("RGB"), img.crop((0, foot, w, h)), a_), rng, amp=10
    )
    img.paste(_blur(mir_rgb, 1.5), (0, foot))
    img.paste(layer, (0, 0), layer)
    if lit or kind == "golden":
        lights2 = _lights_layer((w, h))
        l2 = ImageDraw.Draw(lights2)
        for lx, ly in lamp_pts:
            l2.ellipse([lx - 3, ly - 2, lx + 3, ly + 3], fill=(255, 214, 150))
        lights = ImageChops.lighter(lights, lights2)
    img = _apply_lights(img, lights, glow_radius=6, glow_gain=1.2)
    d = ImageDraw.Draw(img)
    hi = _mix(hor, (255, 255, 255), 0.35)
    for _ in range(int(w * 0.5)):
        t = rng.random() ** 1.3
        y = wl + 2 + t * (h - wl)
        x = rng.uniform(0, w)
        ln = 3 + t * w * 0.035
        d.line(
            [(x, y), (x + ln, y)],
            fill=_mix(_mix(water_c, hor, 0.3), hi, rng.uniform(0.0, 0.35)),
            width=max(1, int(t * 3)),
        )
    return _finish(img, rng, grain=9, vignette=0.4)


def _snow(rng, w, h):
    kind = rng.choice(["overcast", "blue", "overcast", "dawn"])
    vpx = w * rng.uniform(0.4, 0.6)
    vpy = h * rng.uniform(0.42, 0.5)
    img, hor = _sky(rng, (w, h), vpy, kind)
    img = Image.blend(img, Image.new("RGB", (w, h), (214, 220, 230)), 0.25)
    d = ImageDraw.Draw(img)
    night = kind == "blue"
    snow_far = _mix(hor, (226, 230, 238), 0.6)
    snow_near = (236, 240, 248) if not night else (150, 164, 196)
    if night:
        snow_far = _mix(hor, (120, 132, 168), 0.5)
    ground = _vgradient((w, int(h - vpy) + 1), [(0, snow_far), (1, snow_near)])
    img.paste(ground, (0, int(vpy)))
    d = ImageDraw.Draw(img)
    cam = _Cam(w, h, vpx, vpy, cam_h=1.7, z_near=4.0)
    zn, zf = 2.0, 1200.0
    # tyre tracks and a cleared strip
    track = _mix(snow_near, (110, 112, 122), 0.2)
    for tx in (-2.6, -1.0, 1.0, 2.6):
        for dx in (-0.12, 0.12):
            d.polygon(
                cam.quad(
                    [
                        (tx + dx - 0.08, 0, zn),
                        (tx + dx + 0.08, 0, zn),
                        (tx + dx + 0.08, 0, zf),
                        (tx + dx - 0.08, 0, zf),
                    ]
                ),
                fill=track,
            )
    lights = _lights_layer((w, h))
    ld = ImageDraw.Draw(lights)
    # buildings on both sides, painted far to near so nearer ones overlap
    facades = [
        (186, 170, 150),
        (170, 158, 146),
        (204, 190, 160),
        (150, 146, 142),
        (196, 176, 150),
        (172, 150, 132),
        (188, 186, 178),
    ]
    blocks = []
    side_x = {}
    for side in (-1, 1):
        X = side_x[side] = side * rng.uniform(9, 12)
        z = zn
        while z < 700:
            bdepth = rng.uniform(12, 30)
            blocks.append(
                (z, side, X, bdepth, rng.uniform(12, 26), rng.choice(facades), rng.random())
            )
            z += bdepth + rng.uniform(0, 3)
    for z, side, X, bdepth, H, facade, _r in sorted(blocks, reverse=True):
        wall = _jit(rng, facade if not night else _scale(facade, 0.42), 8)
        wall = _mix(wall, hor, min(0.8, z / 420))
        q = cam.quad([(X, 0, z), (X, H, z), (X, H, z + bdepth), (X, 0, z + bdepth)])
        d.polygon(q, fill=wall)
        ld.polygon(q, fill=(0, 0, 0))
        # the end wall facing us, a little darker
        d.polygon(
            cam.quad([(X, 0, z), (X, H, z), (X + side * 14, H, z), (X + side * 14, 0, z)]),
            fill=_scale(wall, 0.8),
        )
        ld.polygon(
            cam.quad([(X, 0, z), (X, H, z), (X + side * 14, H, z), (X + side * 14, 0, z)]),
            fill=(0, 0, 0),
        )
        # roof snow line
        d.polygon(
            cam.quad([(X, H, z), (X, H + 0.6, z), (X, H + 0.6, z + bdepth), (X, H, z + bdepth)]),
            fill=_mix(snow_near, hor, min(0.6, z / 500)),
        )
        # windows
        if z < 250:
            floors = int(H / 3.2)
            cols = int(bdepth / 3.0)
            for fy in range(1, floors):
                for cx in range(cols):
                    zz = z + 1.2 + cx * 3.0
                    yy = fy * 3.2
                    wq = cam.quad(
                        [(X, yy, zz), (X, yy + 1.5, zz), (X, yy + 1.5, zz + 1.2), (X, yy, zz + 1.2)]
                    )
                    if rng.random() < (0.3 if night else 0.1):
                        ld.polygon(wq, fill=_scale(rng.choice(_WARM), rng.uniform(0.45, 0.9)))
                    else:
                        d.polygon(wq, fill=_mix(_scale(wall, 0.55), hor, 0.15))
    for side in (-1, 1):
        X = side_x[side]
        # snowbank along the kerb
        pts = []
        for i in range(60):
            zz = zn * (zf / zn) ** (i / 59)
            pts.append(cam.p(X - side * 1.8, 0.5 + 0.25 * math.sin(i * 1.9), zz))
        pts += [cam.p(X, 0, zf), cam.p(X, 0, zn)]
        d.polygon(pts, fill=_mix(snow_near, (255, 255, 255), 0.3))
        # street lamps
        z = 6.0
        while z < 500:
            b = cam.p(X - side * 2.4, 0, z)
            t = cam.p(X - side * 2.4, 6.5, z)
            arm = cam.p(X - side * 3.8, 6.5, z)
            lw = max(1, int(cam.f * 0.09 / z))
            d.line([b, t, arm], fill=_mix((46, 46, 52), hor, min(0.7, z / 300)), width=lw)
            r = max(1.5, cam.f * 0.22 / z)
            ld.ellipse(
                [arm[0] - r, arm[1] - r * 0.5, arm[0] + r, arm[1] + r * 0.7], fill=(255, 214, 150)
            )
            z *= 1.6
    img = _apply_lights(
        img, lights, glow_radius=10 if night else 6, glow_gain=1.4 if night else 0.8
    )
    img = _blur(img, 0.6)
    # falling snow: far flakes small and sharp-ish, near ones big and soft
    flakes = Image.new("L", (w, h), 0)
    fd = ImageDraw.Draw(flakes)
    for _ in range(rng.randint(500, 1100)):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        r = rng.choice([0.8, 1.0, 1.3, 1.6, 2.2])
        fd.ellipse([x - r, y - r, x + r, y + r], fill=rng.randint(120, 230))
    flakes = _blur(flakes, 0.8)
    img.paste((250, 252, 255), (0, 0), flakes)
    big = Image.new("L", (w // 4, h // 4), 0)
    bd = ImageDraw.Draw(big)
    for _ in range(rng.randint(15, 40)):
        x, y = rng.uniform(0, w / 4), rng.uniform(0, h / 4)
        r = rng.uniform(1.0, 2.5)
        bd.ellipse([x - r, y - r, x + r, y + r], fill=rng.randint(90, 170))
    big = big.filter(ImageFilter.GaussianBlur(1.0)).resize((w, h), Image.BILINEAR)
    img.paste((250, 252, 255), (0, 0), big)
    return _finish(img, rng, grain=8, vignette=0.3, soften=0)


_RENDERERS = {
    "city": _city,
    "field": _field,
    "rail": _rail,
    "sea": _sea,
    "power": _power,
    "night": _night,
    "river": _river,
    "snow": _snow,
}


def render_photo(motif, seed, size=(1600, 900)):
    """Return the picture as a PIL Image (RGB)."""
    w, h = int(size[0]), int(size[1])
    rng = random.Random(f"{motif}:{seed:d}")
    # draw on a fixed-size canvas so the composition does not depend on size
    base = (1600, 900) if w * 9 == h * 16 else (w, h)
    fn = _RENDERERS.get(motif, _city)
    img = fn(rng, *base)
    if img.size != (w, h):
        img = img.resize((w, h), Image.LANCZOS)
    return img


def make_photo(motif, seed, size=(1600, 900)):
    """Deterministic photo-like JPEG for ``motif`` (see ``MOTIFS``)."""
    return _to_jpeg(render_photo(motif, seed, size))


# ---------------------------------------------------------------------------
# portraits
# ---------------------------------------------------------------------------

_BACKGROUNDS = [
    (168, 196, 190),
    (214, 196, 166),
    (200, 170, 172),
    (170, 186, 160),
    (160, 174, 200),
    (212, 184, 132),
    (186, 176, 204),
    (190, 204, 212),
    (222, 206, 190),
    (150, 170, 168),
]
_SKIN = [
    (247, 219, 196),
    (236, 196, 164),
    (224, 178, 142),
    (198, 146, 108),
    (168, 118, 84),
    (132, 90, 62),
    (98, 66, 46),
    (232, 190, 160),
]
_HAIR = [
    (40, 30, 26),
    (74, 52, 38),
    (110, 78, 52),
    (152, 112, 70),
    (200, 170, 120),
    (170, 86, 50),
    (132, 130, 132),
    (210, 210, 206),
    (24, 22, 24),
]
_CLOTHES = [
    (52, 62, 84),
    (84, 48, 52),
    (46, 74, 70),
    (120, 110, 96),
    (34, 36, 40),
    (92, 104, 124),
    (150, 84, 62),
    (70, 86, 56),
    (200, 196, 186),
    (110, 60, 90),
]


def render_portrait(seed, size=(600, 600)):
    rng = random.Random(f"portrait:{seed:d}")
    S = 600
    bg = _jit(rng, rng.choice(_BACKGROUNDS), 8)
    img = Image.new("RGB", (S, S), _scale(bg, 0.86))
    _glow(
        img,
        (S * rng.uniform(0.35, 0.65), S * 0.38),
        S * 0.85,
        _mix(bg, (255, 255, 255), 0.25),
        strength=1.0,
        power=1.2,
    )
    skin = _jit(rng, rng.choice(_SKIN), 6)
    hair = _jit(rng, rng.choice(_HAIR), 6)
    cloth = _jit(rng, rng.choice(_CLOTHES), 8)
    style = rng.choice(["short", "long", "bun", "crop", "bob", "curly", "side"])
    cx = S * 0.5 + rng.uniform(-10, 10)
    hw = S * rng.uniform(0.15, 0.168)  # head half-width
    hh = hw * rng.uniform(1.22, 1.34)  # head half-height
    hcy = S * 0.41
    shadow = _scale(skin, 0.8)
    # shadow below everything
    sh = Image.new("L", (S, S), 0)
    sd = ImageDraw.Draw(sh)
    sd.ellipse([cx - S * 0.44, S * 0.74, cx + S * 0.46, S * 1.3], fill=90)
    sh = sh.filter(ImageFilter.GaussianBlur(18))
    img.paste(_scale(bg, 0.6), (0, 0), sh)
    d = ImageDraw.Draw(img)
    # long hair behind the shoulders
    if style in ("long", "side"):
        d.rounded_rectangle(
            [cx - hw * 1.2, hcy - hh * 0.6, cx + hw * 1.2, hcy + hh * 2.05],
            radius=hw * 0.9,
            fill=_scale(hair, 0.85),
        )
    if style == "bob":
        d.rounded_rectangle(
            [cx - hw * 1.18, hcy - hh * 0.8, cx + hw * 1.18, hcy + hh * 0.95],
            radius=hw * 0.7,
            fill=_scale(hair, 0.85),
        )
    # shoulders
    sw = S * rng.uniform(0.4, 0.47)
    top = S * 0.71
    d.rounded_rectangle([cx - sw, top, cx + sw, S * 1.25], radius=S * 0.16, fill=cloth)
    # neck
    nw = hw * 0.52
    d.rectangle([cx - nw, hcy + hh * 0.5, cx + nw, top + S * 0.03], fill=shadow)
    d.ellipse([cx - nw, top - S * 0.03, cx + nw, top + S * 0.05], fill=shadow)
    # collar
    collar = rng.choice(["v", "round", "shirt", "turtle"])
    if collar == "v":
        d.polygon(
            [(cx - nw * 1.4, top + 2), (cx + nw * 1.4, top + 2), (cx, top + S * 0.12)], fill=shadow
        )
    elif collar == "round":
        d.chord([cx - nw * 1.5, top - S * 0.04, cx + nw * 1.5, top + S * 0.06], 0, 180, fill=shadow)
    elif collar == "shirt":
        shirt = _jit(rng, (232, 232, 228), 10)
        d.polygon(
            [
                (cx - nw * 1.3, top - 4),
                (cx, top + S * 0.1),
                (cx - nw * 0.3, top + S * 0.12),
                (cx - nw * 1.6, top + S * 0.04),
            ],
            fill=shirt,
        )
        d.polygon(
            [
                (cx + nw * 1.3, top - 4),
                (cx, top + S * 0.1),
                (cx + nw * 0.3, top + S * 0.12),
                (cx + nw * 1.6, top + S * 0.04),
            ],
            fill=shirt,
        )
    else:
        d.rounded_rectangle(
            [cx - nw * 1.25, hcy + hh * 0.95, cx + nw * 1.25, top + S * 0.05],
            radius=nw * 0.5,
            fill=_scale(cloth, 1.12),
        )
    # ears, head
    d.ellipse([cx - hw * 1.12, hcy - hh * 0.1, cx - hw * 0.8, hcy + hh * 0.3], fill=shadow)
    d.ellipse([cx + hw * 0.8, hcy - hh * 0.1, cx + hw * 1.12, hcy + hh * 0.3], fill=shadow)
    d.ellipse([cx - hw, hcy - hh, cx + hw, hcy + hh], fill=skin)
    # soft shading on one side of the face
    shade = Image.new("L", (S, S), 0)
    sdd = ImageDraw.Draw(shade)
    sdd.ellipse([cx + hw * 0.15, hcy - hh, cx + hw * 1.25, hcy + hh], fill=80)
    shade = shade.filter(ImageFilter.GaussianBlur(16))
    face_mask = Image.new("L", (S, S), 0)
    ImageDraw.Draw(face_mask).ellipse([cx - hw, hcy - hh, cx + hw, hcy + hh], fill=255)
    shade = ImageChops.multiply(shade, face_mask)
    img.paste(shadow, (0, 0), shade)
    d = ImageDraw.Draw(img)
    # beard (some)
    if rng.random() < 0.22 and style in ("short", "crop", "curly"):
        beard = Image.new("L", (S, S), 0)
        bdr = ImageDraw.Draw(beard)
        bdr.ellipse([cx - hw * 1.0, hcy - hh * 0.9, cx + hw * 1.0, hcy + hh * 1.06], fill=255)
        bdr.rectangle([0, 0, S, hcy + hh * 0.18], fill=0)
        bdr.ellipse([cx - hw * 0.62, hcy - hh * 0.25, cx + hw * 0.62, hcy + hh * 0.5], fill=0)
        beard = ImageChops.multiply(beard, face_mask)
        img.paste(hair, (0, 0), beard)
    # hair on top
    if style == "crop":
        d.chord(
            [cx - hw * 1.02, hcy - hh * 1.04, cx + hw * 1.02, hcy + hh * 0.1], 180, 360, fill=hair
        )
    elif style == "short":
        d.chord(
            [cx - hw * 1.06, hcy - hh * 1.1, cx + hw * 1.06, hcy + hh * 0.3], 170, 370, fill=hair
        )
        d.polygon(
            [
                (cx - hw * 1.0, hcy - hh * 0.2),
                (cx - hw * 0.2, hcy - hh * 0.75),
                (cx + hw * 0.9, hcy - hh * 0.55),
                (cx + hw * 1.0, hcy - hh * 0.1),
                (cx + hw * 1.05, hcy - hh * 0.5),
                (cx, hcy - hh * 1.1),
                (cx - hw * 1.05, hcy - hh * 0.5),
            ],
            fill=hair,
        )
    elif style == "curly":
        for _ in range(34):
            a = rng.uniform(math.pi * 0.95, math.pi * 2.05)
            r = hw * rng.uniform(0.22, 0.34)
            px = cx + math.cos(a) * hw * 0.98
            py = hcy - hh * 0.05 + math.sin(a) * hh * 0.98
            d.ellipse([px - r, py - r, px + r, py + r], fill=_jit(rng, hair, 8))
        d.chord(
            [cx - hw * 1.05, hcy - hh * 1.12, cx + hw * 1.05, hcy + hh * 0.1], 180, 360, fill=hair
        )
    else:  # long / side / bun / bob: parted hair framing the face
        d.chord(
            [cx - hw * 1.08, hcy - hh * 1.1, cx + hw * 1.08, hcy + hh * 0.45], 170, 370, fill=hair
        )
        part = cx + hw * rng.uniform(-0.4, 0.4)
        d.polygon(
            [
                (cx - hw * 1.05, hcy + hh * (0.3 if style != "bun" else -0.2)),
                (cx - hw * 0.75, hcy - hh * 0.2),
                (part, hcy - hh * 0.78),
                (cx + hw * 0.75, hcy - hh * 0.2),
                (cx + hw * 1.05, hcy + hh * (0.3 if style != "bun" else -0.2)),
                (cx + hw * 1.08, hcy - hh * 0.5),
                (cx, hcy - hh * 1.1),
                (cx - hw * 1.08, hcy - hh * 0.5),
            ],
            fill=hair,
        )
        if style == "bun":
            d.ellipse([cx - hw * 0.45, hcy - hh * 1.45, cx + hw * 0.45, hcy - hh * 0.8], fill=hair)
    # glasses (some)
    if rng.random() < 0.35:
        gy = hcy - hh * 0.02
        gw = hw * 0.36
        frame = _scale(hair, 0.5) if rng.random() < 0.5 else (40, 36, 34)
        lw = 4
        for sgn in (-1, 1):
            gx = cx + sgn * hw * 0.42
            d.rounded_rectangle(
                [gx - gw, gy - gw * 0.62, gx + gw, gy + gw * 0.62],
                radius=gw * 0.4,
                outline=frame,
                width=lw,
            )
        d.arc(
            [cx - hw * 0.12, gy - gw * 0.5, cx + hw * 0.12, gy + gw * 0.2],
            200,
            340,
            fill=frame,
            width=lw,
        )
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    img = _grain(img, rng, amount=6, coarse=3)
    if tuple(size) != (S, S):
        img = img.resize(tuple(int(v) for v in size), Image.LANCZOS)
    return img


def make_portrait(seed, size=(600, 600)):
    """Deterministic illustrated head-and-shoulders JPEG."""
    return _to_jpeg(render_portrait(seed, size))


if __name__ == "__main__":  # pragma: no cover - manual preview helper
    import os
    import sys
    import time

    out = "/tmp/demo-samples"
    os.makedirs(out, exist_ok=True)
    seeds = [int(a) for a in sys.argv[1:]] or [1, 2]
    for motif in MOTIFS:
        for s in seeds:
            t0 = time.time()
            data = make_photo(motif, s)
            dt = time.time() - t0
            path = os.path.join(out, f"{motif}-{s}.jpg")
            with open(path, "wb") as fh:
                fh.write(data)
            print(f"{path:28s} {len(data) / 1024:6.0f} KB {dt:5.2f} s")
    for s in range(1, 9):
        t0 = time.time()
        data = make_portrait(s)
        path = os.path.join(out, f"portrait-{s}.jpg")
        with open(path, "wb") as fh:
            fh.write(data)
        print(f"{path:28s} {len(data) / 1024:6.0f} KB {time.time() - t0:5.2f} s")
