"""The break schedule outside the engine: the one-scheduler lock, what the scheduler
writes and notifies (keeper), the socket its doors speak on, and a follower's view.
"""
