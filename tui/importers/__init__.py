"""Readers for history kept in other apps (Daylio, jrnl, a spreadsheet's CSV).

Each reader turns a file's text into mood logs and an account of what it left out and
why; nothing here writes. `nocontact import --from` (tui/commandline/import_from.py) shows
the account as a dry run and writes with Store.add_imported on --yes. No Textual here.
"""
