"""The exercise plan set with a clinician: which days, adherence, reminders. Pure."""
