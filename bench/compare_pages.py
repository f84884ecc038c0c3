"""The article page and the front page of two checkouts, side by side: same HTML, same pixels?

    .venv/bin/python bench/compare_pages.py --baseline PATH [--out DIR]

Loads the demo newsroom once (this checkout's `migrate` and `load_demo`, SQLite), gives each
checkout a copy of that database and its media, serves each with granian (page cache off, so
every request is rendered), then for the article under test (the front page's lead story) and
the front page:

- compares the HTML, with what differs on every request anyway (CSP nonces, CSRF tokens,
  request ids) blanked out, and prints a unified diff when it differs;
- takes full-page screenshots in Chromium (/usr/bin/chromium) at 375 and 1280 px wide and
  compares them pixel by pixel (Pillow's ImageChops.difference), writing both and, where they
  differ, the difference to --out.

Exits 1 if anything differs. The baseline checkout needs collected static files
(`manage.py collectstatic`), as any server without DEBUG does.
"""

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsdesk.testing import free_port, stop, wait_for_port  # noqa: E402

BIN = Path(sys.executable).parent
WIDTHS = (375, 1280)
VOLATILE = [
    (re.compile(r'nonce="[^"]*"'), 'nonce=""'),
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"'), 'name="csrfmiddlewaretoken"'),
    (re.compile(r'data-request-id="[^"]*"'), 'data-request-id=""'),
]


def log(message):
    print(message, file=sys.stderr, flush=True)


def site_env(workdir, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsdesk.settings",
        "DEBUG": "0",
        "SITE_URL": "http://127.0.0.1:8000",  # the same absolute links from both
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "CACHE_FILE": str(workdir / "cache.sqlite3"),
        "PAGE_CACHE_ENABLED": "0",
        "EMAIL_URL": "locmem:",
        "LOG_LEVEL": "ERROR",
        "NARRATION_ON_PUBLISH": "0",
        **extra,
    }


def load_demo(workdir):
    workdir.mkdir(parents=True)
    env = site_env(workdir)
    for command in (["migrate", "--no-input"], ["load_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
    code = (
        "from newsdesk.frontpage.models import HomePage;"
        # The default edition's front page: the first made (there is one per edition).
        "print(HomePage.objects.order_by('path').first().lead_story.url)"
    )
    out = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env,
                         check=True, capture_output=True, text=True)  # fmt: skip
    return out.stdout.strip().splitlines()[-1]


@contextmanager
def served(checkout, workdir):
    """Granian serving `checkout`'s code on a copy of the demo in `workdir`."""
    port = free_port()
    env = site_env(workdir, PYTHONPATH=str(checkout))
    process = subprocess.Popen(
        [str(BIN / "granian"), "--interface", "asginl", "--host", "127.0.0.1", "--port",
         str(port), "--workers", "1", "--workers-kill-timeout", "3", "--no-ws",
         "--log-level", "error", "newsdesk.asgi:application"],
        cwd=checkout,
        env=env,
    )  # fmt: skip
    try:
        wait_for_port(port, timeout=60, process=process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def html(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        text = response.read().decode()
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return text


def screenshot(browser, url, width, path):
    """A full-page screenshot once every lazy image was scrolled into view and loaded."""
    # The page's CSP forbids the evaluated wait below; it changes nothing drawn.
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url, wait_until="load")
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.body.scrollHeight; y += 400) {
                window.scrollTo(0, y);
                await new Promise(r => setTimeout(r, 50));
            }
            window.scrollTo(0, 0);
        }"""
    )
    # Every picture shown has loaded (those inside hidden parts never load: display none).
    page.wait_for_function(
        "[...document.images].filter(i => i.offsetParent !== null).every(i => i.complete)"
    )
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    context.close()


def compare_images(old, new, out):
    a, b = Image.open(old).convert("RGB"), Image.open(new).convert("RGB")
    if a.size != b.size:
        return f"sizes differ: {a.size} vs {b.size}"
    box = ImageChops.difference(a, b).getbbox()
    if box is None:
        return None
    ImageChops.difference(a, b).save(out)
    return f"pixels differ inside {box} (see {out})"


def compare(urls, paths, out):
    from playwright.sync_api import sync_playwright

    problems = []
    for label, path in paths.items():
        old, new = html(urls["baseline"] + path), html(urls["new"] + path)
        if old != new:
            diff = difflib.unified_diff(old.splitlines(), new.splitlines(), "baseline", "new",
                                        lineterm="", n=1)  # fmt: skip
            problems.append(f"{label}: HTML differs\n" + "\n".join(list(diff)[:80]))
        else:
            log(f"{label}: the same HTML ({len(new):,} characters)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox",
                                                       "--disable-gpu", "--hide-scrollbars"]
        )  # fmt: skip
        for label, path in paths.items():
            for width in WIDTHS:
                shots = {}
                for name, base in urls.items():
                    shots[name] = out / f"{label}-{width}-{name}.png"
                    screenshot(browser, base + path, width, shots[name])
                found = compare_images(shots["baseline"], shots["new"],
                                       out / f"{label}-{width}-difference.png")  # fmt: skip
                log(f"{label} at {width} px: {found or 'the same pixels'}")
                if found:
                    problems.append(f"{label} at {width} px: {found}")
        browser.close()
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", type=Path, required=True, help="the other checkout")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "compare")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="bench-compare-"))
    try:
        log("loading the demo newsroom...")
        article = load_demo(workdir / "demo")
        with ExitStack() as stack:
            urls = {}
            for name, checkout in (("baseline", args.baseline.resolve()), ("new", ROOT)):
                shutil.copytree(workdir / "demo", workdir / name)
                urls[name] = stack.enter_context(served(checkout, workdir / name))
            problems = compare(urls, {"article": article, "front": "/"}, args.out)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    for problem in problems:
        print(problem)
    print("no visible change" if not problems else f"{len(problems)} differences")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
