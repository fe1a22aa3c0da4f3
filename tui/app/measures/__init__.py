"""The outcome measures in the App: what is asked after a routine, and the goals screen's part."""
