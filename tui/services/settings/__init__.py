"""The user's settings: what each one is (spec), reading settings.yaml (file), its
cache, the values in force (current) and remembered easier choices (easier_file).
"""
