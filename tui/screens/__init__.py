"""Screens: home, the workout, the summary, and small modals."""
