"""lumbar: a terminal coach for lower-back exercise routines."""

__version__ = "0.1.0"
