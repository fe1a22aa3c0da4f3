"""Outcome measures, pure: the person's own goals (PSFS), pain's weight on life (PEG), the
global impression of change, and when each is due. Sources: docs/sources.md#outcome-measures."""
