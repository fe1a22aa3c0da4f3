"""A routine, pure: the model, the plan, the session and its view, easier versions."""
