"""The layers hold: a lower layer never imports a higher one (an AST walk over tui/).

From the bottom: the clock and date wording; the store and the content; the pure logic
(tracker arithmetic lives in the store; the date parser, analysis, review entries); then
widgets, screens, the palette's commands, the app, and at the top the command line's
entry points. Every import counts, at the top of a module or inside a function, because a
lazy import that climbs is still a cycle waiting to happen.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tui"

INTERFACE = ("textual", "rich", "textual_plotext")
ENTRY = ("tui.launch", "tui.cli", "tui.commandline")
"""The command line's entry points: nothing but each other imports them."""
UI = ("tui.widgets", "tui.screens", "tui.commands", "tui.messages", "tui.app")
ABOVE_LOGIC = (*UI, *ENTRY)

RULES: dict[str, tuple[str, ...]] = {
    # a module prefix: what it must never import
    "tui.clock": (*INTERFACE, "tui."),
    "tui.date_words": (*INTERFACE, "tui."),
    "tui.store": (*INTERFACE, *ABOVE_LOGIC, "tui.content", "tui.when", "tui.analysis"),
    "tui.content": (*INTERFACE, *ABOVE_LOGIC, "tui.store", "tui.when", "tui.analysis"),
    "tui.when": ("textual", *ABOVE_LOGIC),
    "tui.analysis": ("textual", *ABOVE_LOGIC),
    "tui.review_entries": ("textual", *ABOVE_LOGIC),
    "tui.sample_data": (*INTERFACE, *ABOVE_LOGIC),
    "tui.commandline": (*INTERFACE, *UI, "tui.launch"),
    "tui.widgets": ("tui.screens", "tui.commands", "tui.app", *ENTRY),
    "tui.messages": ("tui.widgets", "tui.screens", "tui.commands", "tui.app", *ENTRY),
    "tui.screens": ("tui.commands", "tui.app", *ENTRY),
    "tui.commands": ("tui.app", *ENTRY),
    "tui.app": ENTRY,
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_our_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, wherever the import sits (a function's body too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: the package imports absolutely, not relatively"
            assert node.module is not None
            found.add(node.module)
            # `from tui import clock` imports the module tui.clock too.
            submodules = (f"{node.module}.{alias.name}" for alias in node.names)
            found.update(name for name in submodules if is_our_module(name))
    return found


def is_within(name: str, prefix: str) -> bool:
    """Whether module `name` is `prefix` or inside it ("tui." means anything in tui)."""
    if prefix.endswith("."):
        return name.startswith(prefix)
    return name == prefix or name.startswith(prefix + ".")


def forbidden_for(module: str) -> tuple[str, ...]:
    return next((banned for layer, banned in RULES.items() if is_within(module, layer)), ())


def crossings() -> set[tuple[str, str]]:
    """(module, module it imports) pairs that break a rule."""
    return {
        (module_name(path), imported)
        for path in sorted(PACKAGE.rglob("*.py"))
        for imported in imports_of(path)
        if any(is_within(imported, banned) for banned in forbidden_for(module_name(path)))
    }


def test_no_lower_layer_imports_a_higher_one() -> None:
    assert crossings() == set()


@pytest.mark.parametrize(
    ("module", "imported"),
    [
        ("tui.store.x", "textual.widget"),
        ("tui.content.x", "tui.screens.home"),
        ("tui.widgets.x", "tui.screens.home"),
        ("tui.widgets.x", "tui.app"),
        ("tui.screens.home", "tui.app"),
        ("tui.commandline.x", "textual"),
        ("tui.date_words", "tui.store.records"),
    ],
)
def test_the_rules_catch_what_they_are_for(module: str, imported: str) -> None:
    """The walk itself can fail: each of these would be a crossing."""
    assert any(is_within(imported, banned) for banned in forbidden_for(module))


def test_imports_inside_functions_and_from_a_package_count() -> None:
    """`from tui import clock` is an import of tui.clock; so is one inside a function."""
    assert "tui.clock" in imports_of(PACKAGE / "commandline" / "status.py")
    assert "tui.screens.review" in imports_of(PACKAGE / "app.py")  # inside action_review
