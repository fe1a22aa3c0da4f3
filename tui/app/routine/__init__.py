"""A routine in the App: its start and end, easier choices, the red-flag check."""
