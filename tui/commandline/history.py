"""`nocontact history`: past sessions and moods, newest first."""

from __future__ import annotations

import argparse
import json

from tui.store.store import Store


def run(args: argparse.Namespace) -> int:
    store = Store.open(args.data_dir)
    records = sorted(
        [*store.sessions(), *store.moods()], key=lambda record: record.when, reverse=True
    )
    if args.json:
        items = [{"kind": record.KIND, **record.to_dict()} for record in records]
        print(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    for record in records:
        print(f"{record.when:%Y-%m-%d %H:%M}  {record.KIND}")
    return 0
