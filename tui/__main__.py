"""`python -m tui`: the same as the `lumbar` command (tui/cli/main.py)."""

from tui.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
