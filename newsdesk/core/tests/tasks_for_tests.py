"""A task for tests of the worker itself: slow enough to be killed in the middle."""

import time
from pathlib import Path

from django.tasks import task


@task()
def slow_append(path, seconds):
    log = Path(path)
    with log.open("a") as out:
        out.write("start\n")
    time.sleep(seconds)
    with log.open("a") as out:
        out.write("done\n")
