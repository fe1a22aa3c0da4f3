"""Desk breaks in the App: the schedule as an activity, who schedules, and the doors."""
