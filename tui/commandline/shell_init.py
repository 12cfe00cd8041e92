"""`nocontact shell-init bash|zsh|fish`: the snippet that puts a quiet segment in the prompt.

The snippet (tui/shell/prompt.*) reads the status file the store keeps in the data dir
(tui/store/prompt_status.py) with shell builtins only. Running this command is the one
time Python runs for the prompt: when the shell starts and evaluates it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.commandline.errors import UsageError
from tui.content.settings_text import PromptWords, load_settings_text
from tui.store.paths import default_data_dir, resolve_data_dir
from tui.store.store import Store

SHELLS = ("bash", "zsh", "fish")
SNIPPETS = Path(__file__).resolve().parent.parent / "shell"
RC_LINES = {
    "bash": 'eval "$(nocontact shell-init bash)"',
    "zsh": 'eval "$(nocontact shell-init zsh)"',
    "fish": "nocontact shell-init fish | source",
}
"""The one line to add to each shell's rc file (~/.bashrc, ~/.zshrc, config.fish)."""


def posix_quoted(text: str) -> str:
    """`text` as one single-quoted word for bash and zsh."""
    return "'" + text.replace("'", "'\\''") + "'"


def fish_quoted(text: str) -> str:
    """`text` as one single-quoted word for fish, where \\ and ' are escaped inside quotes."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def snippet(shell: str, data_dir: str | None, words: PromptWords) -> str:
    """The code to evaluate in `shell`, with the data dir and the words filled in.

    With `data_dir` (from --data-dir) the snippet always looks there; without it, it
    looks where `nocontact` would at each prompt: $NOCONTACT_DATA_DIR if set then, else
    the platform's folder.
    """
    quote = fish_quoted if shell == "fish" else posix_quoted
    fixed = str(resolve_data_dir(data_dir).absolute()) if data_dir else ""
    default = str(default_data_dir().absolute())
    text = (SNIPPETS / f"prompt.{shell}").read_text(encoding="utf-8")
    for name, value in (
        ("@FIXED_DIR@", fixed),
        ("@DEFAULT_DIR@", default),
        ("@DAY@", words.day),
        ("@MOOD@", words.mood),
        ("@ASK@", words.ask),
        ("@SEPARATOR@", words.separator),
    ):
        text = text.replace(name, quote(value))
    return text


def run(args: argparse.Namespace) -> int:
    if args.shell not in SHELLS:
        raise UsageError(f"Choose a shell: {', '.join(SHELLS)} (as in `{RC_LINES['bash']}`).")
    root = resolve_data_dir(args.data_dir)
    if root.is_dir():
        # A journal kept before the prompt was set up gets its status file now.
        Store.open(root).refresh_prompt_status()
    print(snippet(args.shell, args.data_dir, load_settings_text().prompt_words), end="")
    return 0
