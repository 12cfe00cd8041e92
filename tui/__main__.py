"""`python -m tui` runs the same command line as `nocontact`."""

from tui.cli import run

run()
