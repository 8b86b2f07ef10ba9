"""Pages of the prevention app, split by theme."""
