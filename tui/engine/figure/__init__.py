"""Stick figures that show a movement: poses, their drawing in braille or half blocks, the
shipped pose library, and which pose a moment of a step shows. Standard library only."""
