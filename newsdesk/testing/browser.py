"""What the browser tests share: the two widths pages are checked at, opening a page with its
Content-Security-Policy watched, axe-core's serious findings, scrolling lazy images in, the
sideways-scroll check and screenshots. One copy, so every app checks its pages the same way.
"""

import os

from axe_playwright_python.sync_playwright import Axe

from newsdesk.conftest import ARTIFACTS, watch_csp

WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}


def viewport(width):
    """Playwright's viewport for "phone" or "desktop"."""
    return dict(zip(("width", "height"), WIDTHS[width], strict=True))


def open_page(browser, url, width="desktop", *, javascript=True, color_scheme=None):
    """`url` in a browser context of its own, once the network is idle; CSP violations are
    recorded (`newsdesk.conftest.csp_violations`). Close it with `page.context.close()`."""
    options = {"color_scheme": color_scheme} if color_scheme else {}
    context = browser.new_context(
        viewport=viewport(width), java_script_enabled=javascript, **options
    )
    watch_csp(context)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    return page


def serious_violations(page):
    """axe-core's serious and critical findings: (rule, impact, the first few elements)."""
    results = Axe().run(page).response
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def scroll_through(page):
    """Scroll to the bottom and back, so lazy images load, then wait for the network."""
    page.evaluate(
        """async () => {
            for (let y = 0; y < document.body.scrollHeight; y += 500) {
                window.scrollTo(0, y);
                await new Promise(r => requestAnimationFrame(r));
            }
            window.scrollTo(0, 0);
        }"""
    )
    page.wait_for_load_state("networkidle")


def scroll_width(page):
    """The page's width including what only sideways scrolling reaches."""
    return page.evaluate("document.documentElement.scrollWidth")


def fits_width(page, width):
    """Nothing sticks out sideways at `width` ("phone", "desktop" or pixels)."""
    return scroll_width(page) <= (WIDTHS[width][0] if isinstance(width, str) else width)


def screenshot(page_or_element, name, full_page=False):
    """A screenshot under test-artifacts/, for a person to look at; returns its path."""
    os.makedirs(ARTIFACTS, exist_ok=True)
    path = os.path.join(ARTIFACTS, f"{name}.png")
    if full_page:
        page_or_element.screenshot(path=path, full_page=True)
    else:
        page_or_element.screenshot(path=path)
    return path
