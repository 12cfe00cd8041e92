"""The test suite on every supported Python installed on this machine: `make test-all`.

Interpreters come from PATH, as nox finds them; pyenv's own version folders are looked in
too, since its shims answer only for the versions selected in the current shell. A version
that is not installed is skipped with a line saying so.
"""

from __future__ import annotations

import os
from pathlib import Path

import nox

PYTHONS = ["3.11", "3.12", "3.13"]
"""Every Python the project supports (pyproject.toml: requires-python >= 3.11)."""

nox.options.sessions = ["tests"]
nox.options.error_on_missing_interpreters = False

PYENV_VERSIONS = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
if PYENV_VERSIONS.is_dir():
    found = [str(folder / "bin") for folder in sorted(PYENV_VERSIONS.glob("3.*"))]
    os.environ["PATH"] = os.pathsep.join([*found, os.environ.get("PATH", "")])


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The whole suite, as `make test` runs it, in a fresh venv of this Python."""
    session.install("-e", ".[test]")
    session.run("python", "--version")
    session.run("python", "-m", "pytest", "-q", *session.posargs)
