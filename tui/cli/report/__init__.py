"""`lumbar report`: the Markdown summary and its sections."""
