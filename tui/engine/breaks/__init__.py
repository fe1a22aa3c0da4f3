"""Desk breaks, pure: the schedule, its state, its view, its events, working hours and
its words.
"""
