"""Narration: a ~600-word article from "Publish" to ready audio, through a real worker process.

    .venv/bin/python bench/narration.py [--words 600] [--runs 3]

Uses a throwaway SQLite database and media folder (created and removed here). A `db_worker`
process on the narration queue runs the synthesis, as under `make run`. The worker first narrates
a one-line article, so the measured runs start with the voice model loaded (it is loaded once per
worker process; the cold start is printed separately).

Prints, per run and as medians: wall time from publish to ready audio, the audio's duration, the
real-time factor (wall time / audio duration; the issue's target is 0.2 or less on 2 cores), the
worker's peak memory, and the MP3's size. The reference on this machine, measured right after each
run: the same spoken text synthesised by Piper alone in this process (`PiperVoice.synthesize`, no
queue, database, pauses or MP3), and the ratio of the pipeline's wall time to it.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=600, help="length of the article")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=900)
    return parser.parse_args()


def setup_django(workdir):
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "newsdesk.settings",
            "DATABASE_URL": f"sqlite:///{workdir}/bench.sqlite3",
            "MEDIA_ROOT": str(workdir / "media"),
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "NARRATION_ON_PUBLISH": "1",
            "LOG_LEVEL": "WARNING",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def demo_paragraphs(words):
    """Paragraphs of the demo newsroom's articles, about `words` words in all."""
    from newsdesk.demo import content

    chosen, total = [], 0
    for spec in sorted(content.ARTICLES, key=lambda s: s["slug"]):
        for kind, value in spec["body"]:
            if kind != "paragraph":
                continue
            chosen.append(value)
            total += len(value.split())
            if total >= words:
                return chosen, total
    raise SystemExit(f"The demo has fewer than {words} words of paragraphs.")


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def publish_and_wait(section, title, texts, timeout):
    from newsdesk.articles.models import ArticlePage
    from newsdesk.narration.models import Narration

    article = ArticlePage(
        title=title,
        slug=f"bench-{time.monotonic_ns()}",
        standfirst="A benchmark article made of the demo newsroom's paragraphs.",
        body=[("paragraph", f"<p>{text}</p>") for text in texts],
        live=False,
    )
    section.add_child(instance=article)
    revision = article.save_revision()
    started = time.monotonic()
    revision.publish()  # autocommit: the narration task is queued as this returns
    deadline = started + timeout
    while time.monotonic() < deadline:
        narration = Narration.objects.filter(article=article).first()
        if narration and narration.status == Narration.Status.READY:
            return time.monotonic() - started, narration
        if narration and narration.status == Narration.Status.FAILED:
            raise SystemExit(f"Narration failed: {narration.detail}")
        time.sleep(0.05)
    raise SystemExit(f"No audio after {timeout} s")


def reference_seconds(narration_article):
    """Piper alone on the same spoken text, with the model already loaded."""
    from newsdesk.narration.backends import get_backend
    from newsdesk.narration.services import current_script

    spoken = current_script(narration_article)
    backend = get_backend()
    backend.voice  # noqa: B018 - load the model before timing, as the worker has it loaded
    started = time.monotonic()
    for segment in spoken.segments:
        for _ in backend.voice.synthesize(segment.text):
            pass
    return time.monotonic() - started


def main():
    args = parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-narration-"))
    worker = None
    try:
        setup_django(workdir)
        from newsdesk.articles.models import SectionPage
        from newsdesk.frontpage.models import HomePage
        from newsdesk.testing import start_worker, stop

        home = HomePage.objects.get()
        section = SectionPage(title="Bench", slug="bench")
        home.add_child(instance=section)
        section.save_revision().publish()
        texts, words = demo_paragraphs(args.words)

        log = open(workdir / "worker.log", "w")  # noqa: SIM115 - closed with the worker
        worker = start_worker(queue="narration", log=log)
        cold, _ = publish_and_wait(section, "Warm-up", ["Power is back."], args.timeout)
        print(f"Worker cold start (Django, voice model, a one-line article): {cold:.1f} s")
        print(f"Article: {words} words of body in {len(texts)} paragraphs\n")
        print(f"{'run':>4} {'wall s':>8} {'audio s':>8} {'RTF':>6} {'MP3 KB':>8} {'Piper s':>8}")
        walls, durations, references = [], [], []
        for run in range(1, args.runs + 1):
            wall, narration = publish_and_wait(section, f"Bench run {run}", texts, args.timeout)
            # Piper alone right after, so both see the same load on the machine.
            reference = reference_seconds(narration.article)
            walls.append(wall)
            durations.append(narration.duration)
            references.append(reference)
            print(
                f"{run:>4} {wall:>8.1f} {narration.duration:>8.1f} "
                f"{wall / narration.duration:>6.3f} {narration.byte_size / 1024:>8.0f} "
                f"{reference:>8.1f}"
            )
        peak = peak_rss_mb(worker.pid)
        wall = statistics.median(walls)
        duration = statistics.median(durations)
        reference = statistics.median(references)
        ratio = statistics.median(w / r for w, r in zip(walls, references, strict=True))
        print()
        print(f"Publish -> ready audio (median): {wall:.1f} s (target: within 60 s)")
        print(f"Audio duration (median):         {duration:.1f} s ({duration / 60:.1f} min)")
        print(f"Real-time factor (median):       {wall / duration:.3f} (target: <= 0.2)")
        print(f"Worker peak memory (VmHWM):      {peak:.0f} MB")
        print(f"Reference, Piper alone (median): {reference:.1f} s for the same text")
        print(f"Ratio pipeline / Piper alone:    {ratio:.2f} (median of the runs' ratios)")
    finally:
        if worker is not None:
            stop(worker)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
