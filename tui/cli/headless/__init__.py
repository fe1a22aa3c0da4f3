"""`lumbar breaks --headless`: the break scheduler with no terminal, for a login service."""
