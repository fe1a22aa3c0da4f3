"""`lumbar serve`: the app in a browser page, the request guard and the page limits."""
