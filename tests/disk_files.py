"""What a data dir holds on disk, byte for byte: shared by the attack and encryption tests."""

from __future__ import annotations

import os
from pathlib import Path


def files_under(root: Path) -> dict[str, bytes]:
    """Every regular file under `root` by relative path, with its bytes (links not followed)."""
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found
