"""The `lumbar` command and one module per subcommand. Nothing imports tui.cli."""
