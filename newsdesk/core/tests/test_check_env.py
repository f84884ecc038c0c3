"""The environment file (deploy/newsdesk.env.example, /etc/newsdesk/newsdesk.env): `manage.py
check_env` and the loader `python -m newsdesk.core.envfile`."""

import getpass
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from newsdesk.core.envfile import ROOT, parse

EXAMPLE = ROOT / "deploy" / "newsdesk.env.example"


@pytest.fixture
def example(tmp_path):
    """The example file as an operator installs it: its secret key file exists."""
    secret = tmp_path / "secret_key"
    secret.write_text("a-long-random-secret-key-for-the-test-" * 2)
    return EXAMPLE.read_text().replace("/etc/newsdesk/secret_key", str(secret))


def check_env(tmp_path, text):
    """(passed, what it printed)."""
    path = tmp_path / "newsdesk.env"
    path.write_text(text)
    out, err = StringIO(), StringIO()
    try:
        call_command("check_env", str(path), stdout=out, stderr=err)
    except CommandError as error:
        return False, err.getvalue() + str(error)
    return True, out.getvalue() + err.getvalue()


def line_of(text, start):
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def test_it_passes_the_example_file(tmp_path, example):
    passed, output = check_env(tmp_path, example)
    assert passed, output
    assert "systemd and the shell read it alike" in output


def test_it_reports_the_line_where_the_shell_stops_reading(tmp_path, example):
    # The example as it was: a shell sourcing it stops here, and every later variable is unset.
    text = example.replace(
        "DEFAULT_FROM_EMAIL='The Newsroom <newsroom@news.example.org>'",
        "DEFAULT_FROM_EMAIL=The Newsroom <newsroom@news.example.org>",
    )
    passed, output = check_env(tmp_path, text)
    assert not passed
    line = line_of(text, "DEFAULT_FROM_EMAIL=")
    assert f"line {line}: the shell stops reading here" in output
    assert "syntax error" in output
    assert output.count("newsdesk.env: line") == 1, output


def test_it_reports_values_the_shell_reads_differently(tmp_path, example):
    text = example + 'SITE_NAME=The Meridian Ledger\nSEARCH_CONFIG="$LANG"\n'
    passed, output = check_env(tmp_path, text)
    assert not passed
    name_line, search_line = line_of(text, "SITE_NAME="), line_of(text, "SEARCH_CONFIG=")
    assert (
        f"line {name_line}: SITE_NAME: systemd reads 'The Meridian Ledger', the shell sets nothing"
        in output
    )
    assert f"line {search_line}: SEARCH_CONFIG: systemd reads '$LANG', the shell reads ''" in output


def test_it_reports_lines_systemd_ignores(tmp_path, example):
    text = example + "export DEBUG='0'\nWEB_THREADS 4\n"
    passed, output = check_env(tmp_path, text)
    assert not passed
    export_line, threads_line = line_of(text, "export"), line_of(text, "WEB_THREADS 4")
    assert f"line {export_line}: systemd ignores this line: 'export DEBUG'" in output
    assert f"line {export_line}: the shell sets DEBUG, systemd does not" in output
    assert f"line {threads_line}: systemd ignores this line: no '='" in output


def test_it_reports_names_nothing_reads(tmp_path, example):
    text = example + "ALLOWED_HOST='news.example.org'\nANYMAIL_WEBHOOK_SECRET='a:b'\n"
    passed, output = check_env(tmp_path, text)
    assert not passed
    line = line_of(text, "ALLOWED_HOST=")
    assert f"line {line}: ALLOWED_HOST: no part of Newsdesk reads this variable" in output
    assert "ANYMAIL" not in output


def test_it_reports_a_value_the_settings_refuse(tmp_path, example):
    passed, output = check_env(tmp_path, example.replace("DB_POOL_SIZE='8'", "DB_POOL_SIZE='8x'"))
    assert not passed
    assert "the settings refuse these values: DB_POOL_SIZE must be a whole number; got '8x'" in (
        output
    )


def test_it_says_so_when_the_file_cannot_be_read(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("check_env", str(tmp_path / "missing.env"), stdout=StringIO())


def test_it_reads_values_as_systemd_documents_it():
    # systemd.exec(5), EnvironmentFile=.
    text = (
        "# a comment\n"
        "; another\n"
        "PLAIN=  interior  spaces kept  \n"
        "SINGLE='no \\escapes $here'\n"
        'DOUBLE="a \\"quote\\", a \\$, a \\q"\n'
        "CONTINUED=one\\\n"
        "two\n"
        "ESCAPED=a\\\\b\n"
        "QUOTES_INSIDE=x'y'\n"
        "SPANNING='first\n"
        "second'\n"
        "EMPTY=\n"
    )
    assignments, problems = parse(text)
    values = {item.name: item.value for item in assignments}
    assert problems == []
    assert values == {
        "PLAIN": "interior  spaces kept",
        "SINGLE": "no \\escapes $here",
        "DOUBLE": 'a "quote", a $, a \\q',
        "CONTINUED": "onetwo",
        "ESCAPED": "a\\b",
        "QUOTES_INSIDE": "x'y'",
        "SPANNING": "first\nsecond",
        "EMPTY": "",
    }
    assert [item.line for item in assignments] == [3, 4, 5, 6, 8, 9, 10, 12]


def test_the_loader_runs_a_command_with_the_values_systemd_reads(tmp_path):
    env_file = tmp_path / "newsdesk.env"
    env_file.write_text("DEFAULT_FROM_EMAIL=The Newsroom <newsroom@news.example.org>\n")
    result = subprocess.run(
        [
            sys.executable, "-m", "newsdesk.core.envfile", str(env_file),
            sys.executable, "-c", "import os; print(os.environ['DEFAULT_FROM_EMAIL'])",
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == "The Newsroom <newsroom@news.example.org>\n"


def test_deploy_manage_runs_manage_py_with_the_file_as_systemd_reads_it(tmp_path):
    env_file = tmp_path / "newsdesk.env"
    env_file.write_text("DEFAULT_FROM_EMAIL=The Newsroom <newsroom@news.example.org>\n")
    result = subprocess.run(
        [
            str(ROOT / "deploy" / "manage"), "shell", "-c",
            "from django.conf import settings; print(settings.DEFAULT_FROM_EMAIL)",
        ],
        env={
            **os.environ,
            "NEWSDESK_USER": getpass.getuser(),
            "NEWSDESK_ENV_FILE": str(env_file),
        },
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "The Newsroom <newsroom@news.example.org>"
