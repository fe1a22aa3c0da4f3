"""Progression, pure: when a dose grows, and the dose over time."""
