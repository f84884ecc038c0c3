"""scripts/find-python: the interpreter `make install` and `make install-prod` build .venv from."""

import os
import subprocess
import sys

import pytest

from newsdesk.testing import ROOT


@pytest.fixture
def closed_python(tmp_path):
    """A Python >= 3.12 in a directory only its owner may enter (as one under /root is)."""
    closed = tmp_path / "home"
    closed.mkdir(mode=0o700)
    closed.chmod(0o700)
    python = closed / "python3"
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    python.chmod(0o755)
    return closed, python


def find_python(*args, python):
    return subprocess.run(
        [str(ROOT / "scripts" / "find-python"), *args],
        env={**os.environ, "PYTHON": str(python)},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_install_prod_refuses_an_interpreter_other_users_cannot_run(closed_python):
    closed, python = closed_python
    result = find_python("--shared", python=python)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"PYTHON={python} (other users cannot enter {closed}): the service's user could not "
        "run it\n"
    )


def test_install_takes_it_with_a_warning(closed_python):
    closed, python = closed_python
    result = find_python(python=python)
    assert result.returncode == 0
    assert result.stdout == f"{python}\n"
    assert f"warning: other users cannot run {python} ({closed} is closed to them)" in (
        result.stderr
    )
