"""The environment file every Newsdesk unit reads (`/etc/newsdesk/newsdesk.env`): checked, and
loaded for commands run by hand.

systemd reads the file (`EnvironmentFile=`) with its own rules: no variable expansion, no
commands, quotes only around whole values. An operator who reads it into a shell with
`set -a; . newsdesk.env` gets something else wherever the two disagree: `NAME=The Newsroom
<news@example.org>` is one value to systemd and a syntax error to the shell, which then stops
reading, so every later variable is silently unset. No maintained library parses the file the
way systemd does (python-dotenv expands `${VAR}` and strips inline comments), so `parse()` is a
transcription of systemd's own parser (src/basic/env-file.c), and the shell's reading is taken
from bash itself.

`check()` reports, one line each: lines systemd ignores, lines the shell reads differently or
stops at, names no part of Newsdesk reads, and the first value the settings reject.
`python -m newsdesk.core.envfile FILE COMMAND [ARG ...]` runs COMMAND with the file's variables
read as systemd reads them, so no shell ever parses it.
"""

import ast
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Read by libraries rather than by settings.py: Anymail's settings, boto3 (S3 media), Sentry.
KNOWN_PREFIXES = ("ANYMAIL_", "AWS_", "SENTRY_")
SETTINGS_READERS = {"env", "env_bool", "env_int", "env_float", "env_list", "env_secret"}
# Variables bash sets in every shell; they say nothing about the file.
SHELL_OWN = {"PATH", "PWD", "OLDPWD", "SHLVL", "_"}


@dataclass
class Assignment:
    line: int
    name: str
    value: str


class _Parser:
    """systemd's environment file grammar as a state machine: `state` is the method that reads
    the next character (and whether it ends a line)."""

    def __init__(self):
        self.assignments, self.problems = [], []
        self.state = self.in_pre_key
        self.key = self.value = ""
        self.key_line = self.line = 1
        self.key_trailing = self.value_trailing = 0  # whitespace at the end of key / value

    def push(self):
        key = self.key[: len(self.key) - self.key_trailing] if self.key_trailing else self.key
        if not NAME.match(key):
            self.problems.append(
                (self.key_line, f"systemd ignores this line: {key!r} is not a valid name")
            )
        else:
            self.assignments.append(Assignment(self.key_line, key, self.value))

    def in_pre_key(self, char, newline):
        if char in "#;":
            self.state = self.in_comment
        elif not char.isspace():
            self.state, self.key, self.key_line, self.key_trailing = self.in_key, char, self.line, 0

    def in_key(self, char, newline):
        if newline:
            message = f"systemd ignores this line: no '=' in {self.key.strip()!r}"
            self.problems.append((self.key_line, message))
            self.state = self.in_pre_key
        elif char == "=":
            self.state, self.value, self.value_trailing = self.in_pre_value, "", 0
        else:
            self.key += char
            self.key_trailing = self.key_trailing + 1 if char.isspace() else 0

    def in_pre_value(self, char, newline):
        if newline:
            self.push()
            self.state = self.in_pre_key
        elif char in "'\"\\":
            self.state = {
                "'": self.in_single_quote,
                '"': self.in_double_quote,
                "\\": self.in_value_escape,
            }[char]
        elif not char.isspace():
            self.state, self.value, self.value_trailing = self.in_value, self.value + char, 0

    def in_value(self, char, newline):
        if newline:
            if self.value_trailing:
                self.value = self.value[: len(self.value) - self.value_trailing]
            self.push()
            self.state = self.in_pre_key
        elif char == "\\":
            self.state, self.value_trailing = self.in_value_escape, 0
        else:
            self.value += char
            self.value_trailing = self.value_trailing + 1 if char.isspace() else 0

    def in_value_escape(self, char, newline):
        self.state = self.in_value
        if not newline:
            self.value += char

    def in_single_quote(self, char, newline):
        if char == "'":
            self.state = self.in_pre_value
        else:
            self.value += char

    def in_double_quote(self, char, newline):
        if char == '"':
            self.state = self.in_pre_value
        elif char == "\\":
            self.state = self.in_double_quote_escape
        else:
            self.value += char

    def in_double_quote_escape(self, char, newline):
        self.state = self.in_double_quote
        if char in '"\\`$':
            self.value += char
        elif not newline:
            self.value += "\\" + char

    def in_comment(self, char, newline):
        if char == "\\":
            self.state = self.in_comment_escape
        elif newline:
            self.state = self.in_pre_key

    def in_comment_escape(self, char, newline):
        self.state = self.in_comment


def parse(text):
    """(assignments, problems) as systemd reads `text`; problems are (line, message)."""
    parser = _Parser()
    for char in text + "\n":
        parser.state(char, char in "\n\r")
        if char == "\n":
            parser.line += 1
    open_quotes = {"in_single_quote", "in_double_quote", "in_double_quote_escape"}
    if parser.state.__name__ in open_quotes:
        parser.problems.append((parser.key_line, "the quote opened on this line is never closed"))
    return parser.assignments, parser.problems


# Restricted bash: the file's lines run as `set -a; . FILE` would run them (commands, `$(...)`),
# but without output redirections, `cd` or commands named by path, and with no PATH, so checking
# a file cannot write over anything. One line: bash numbers eval's lines from the line it is on.
SHELL_SCRIPT = (
    "IFS= read -r -d '' text; set -a; eval \"$text\"; set +a; "
    'for name in $(compgen -e); do printf \'%s=%s\\0\' "$name" "${!name}"; done'
)
SHELL_ERROR = re.compile(r"line (\d+): (.*)$")


def read_with_shell(text):
    """({name: value} exported by bash after `set -a; . FILE`, [(line, bash's error)])."""
    with tempfile.TemporaryDirectory() as workdir:
        result = subprocess.run(
            ["/bin/bash", "-r", "-c", SHELL_SCRIPT],
            input=text.encode(),
            capture_output=True,
            cwd=workdir,
            env={"PATH": "/nonexistent"},
            timeout=30,
        )
    values = {}
    for item in result.stdout.decode(errors="replace").split("\0"):
        name, sep, value = item.partition("=")
        if sep:
            values[name] = value
    errors = []
    for message in result.stderr.decode(errors="replace").splitlines():
        # Only eval's own errors carry the file's line numbers; those of the commands it ran
        # (a value's second word run as a command) show up as values that differ.
        match = SHELL_ERROR.search(message)
        if "eval:" in message and match and "syntax error" in match[2]:
            errors.append((int(match[1]), match[2]))
    return values, errors


def known_names():
    """Every variable some part of Newsdesk reads: settings.py's env helpers (NAME and NAME_FILE
    for secrets) and the `${NAME}` the systemd units use."""
    names = set()
    tree = ast.parse((ROOT / "newsdesk" / "settings.py").read_text())
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in SETTINGS_READERS
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.add(node.args[0].value)
            if node.func.id == "env_secret":
                names.add(node.args[0].value + "_FILE")
    for unit in (ROOT / "deploy" / "systemd").glob("*.service"):
        names.update(re.findall(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}", unit.read_text()))
    return names


def settings_error(values):
    """The message the settings stop with under these variables, or None if they load."""
    result = subprocess.run(
        [sys.executable, "-c", "import newsdesk.settings"],
        cwd=ROOT,
        env={**values, "PATH": os.environ.get("PATH", "/usr/bin:/bin")},
        capture_output=True,
        text=True,
        timeout=60,
    )
    if result.returncode == 0:
        return None
    lines = result.stderr.strip().splitlines()
    if not lines:
        return f"exit status {result.returncode}"
    return lines[-1].removeprefix("django.core.exceptions.ImproperlyConfigured: ")


def shorten(value, limit=60):
    value = repr(value)
    return value if len(value) <= limit else value[: limit - 4] + "...'"


def check(text):
    """Problems with an environment file's text, one readable line each (empty when fine)."""
    assignments, problems = parse(text)
    systemd = {item.name: item.value for item in assignments}
    lines = {item.name: item.line for item in assignments}  # the last assignment wins
    shell, shell_errors = read_with_shell(text)
    stopped_at = min((line for line, _ in shell_errors), default=None)
    for line, error in shell_errors:
        later = sum(1 for item in assignments if item.line > line)
        problems.append(
            (
                line,
                f"the shell stops reading here ({error}): with `set -a; . FILE` this line and "
                f"the {later} assignments after it are not set; quote the value",
            )
        )
    for name, value in systemd.items():
        line = lines[name]
        if stopped_at is not None and line >= stopped_at:
            continue
        if name not in shell:
            problems.append(
                (line, f"{name}: systemd reads {shorten(value)}, the shell sets nothing")
            )
        elif shell[name] != value:
            problems.append(
                (
                    line,
                    f"{name}: systemd reads {shorten(value)}, the shell reads "
                    f"{shorten(shell[name])}",
                )
            )
    for name in sorted(set(shell) - set(systemd) - SHELL_OWN):
        line = next(
            (n for n, raw in enumerate(text.splitlines(), 1) if re.search(rf"\b{name}=", raw)), 0
        )
        problems.append((line, f"the shell sets {name}, systemd does not"))
    known = known_names()
    for name in systemd:
        if name not in known and not name.startswith(KNOWN_PREFIXES):
            problems.append((lines[name], f"{name}: no part of Newsdesk reads this variable"))
    report = [f"line {line}: {message}" for line, message in sorted(problems)]
    error = settings_error(systemd)
    if error:
        report.append(f"the settings refuse these values: {error}")
    return report


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: python -m newsdesk.core.envfile ENV_FILE COMMAND [ARG ...]")
    try:
        text = Path(argv[1]).read_text()
    except OSError as exc:
        sys.exit(f"{argv[1]}: {exc.strerror}")
    assignments, problems = parse(text)
    for line, message in problems:
        print(f"{argv[1]}: line {line}: {message}", file=sys.stderr)
    env = {**os.environ, **{item.name: item.value for item in assignments}}
    os.execvpe(argv[2], argv[2:], env)


if __name__ == "__main__":
    main(sys.argv)
