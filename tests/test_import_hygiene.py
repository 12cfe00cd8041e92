"""Start-up hygiene proved at run time: what each path has loaded once it has done its work.

In the style of harlequin's test_import_hygiene.py: a fresh interpreter runs one command,
then reports which of the modules a quick command must not pay for are in sys.modules.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

NEVER_ON_THE_QUICK_PATH = ("textual", "rich", "tui.app", "tui.screens", "tui.widgets")
"""The interface: a quick command never loads it."""

NOT_ON_THE_PROMPT_PATH = ("dataclasses", "dateutil", "asyncio", "inspect", "tui.content.stages")
"""What the record classes are hand-written to avoid (dataclasses costs `log` several ms),
and what the commands a prompt or an alias calls have no use for."""

PROBE = """
import json, sys
from tui.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def loaded_after(*argv: str) -> set[str]:
    """The top-level and tui modules loaded by `nocontact ARGV`, run in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["code"] == 0, argv
    return set(report["modules"])


def found(modules: set[str], names: tuple[str, ...]) -> list[str]:
    """Which of `names` (or a submodule of one) is in `modules`."""
    return sorted(
        name for name in names if any(m == name or m.startswith(name + ".") for m in modules)
    )


@pytest.mark.parametrize(
    "argv",
    [
        ("log", "6", "a quiet evening", "--tag", "calm"),
        ("status", "--short"),
        ("urge", "4"),
        ("start",),
        ("slip", "--they"),
    ],
)
def test_the_prompt_path_stays_lean(argv: tuple[str, ...]) -> None:
    """The commands a prompt, an alias or a hard moment calls load neither UI nor extras."""
    modules = loaded_after(*argv)
    assert found(modules, NEVER_ON_THE_QUICK_PATH) == []
    assert found(modules, NOT_ON_THE_PROMPT_PATH) == []


@pytest.mark.parametrize(
    "argv", [("status",), ("history",), ("history", "--json"), ("export", "--format", "md")]
)
def test_the_other_quick_commands_never_load_the_interface(argv: tuple[str, ...]) -> None:
    assert found(loaded_after(*argv), NEVER_ON_THE_QUICK_PATH) == []


def test_importing_the_package_and_the_launcher_loads_nothing_heavy() -> None:
    """`import tui.launch` is what `nocontact` pays before it knows the app is wanted."""
    script = "import sys, tui, tui.cli, tui.launch; print(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    modules = set(done.stdout.split())
    assert found(modules, (*NEVER_ON_THE_QUICK_PATH, *NOT_ON_THE_PROMPT_PATH, "tinydb")) == []


def test_no_module_fakes_type_checking() -> None:
    """`TYPE_CHECKING = False` saved nothing (the quick commands load typing through TinyDB);
    the tests above are what keep start-up lean, so typing's own constant is used."""
    assert "typing" in loaded_after("urge", "4")
    package = Path(__file__).resolve().parent.parent / "tui"
    faked = [
        str(path.relative_to(package))
        for path in sorted(package.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "TYPE_CHECKING" for t in node.targets)
    ]
    assert faked == []
