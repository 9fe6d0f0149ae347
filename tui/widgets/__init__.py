"""Reusable widgets. Each owns its own state and never queries outside its own subtree."""
