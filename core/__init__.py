"""The pure domain of rembuk: models, the risk matrix, translations and Markdown rendering.

Nothing here imports textual or sqlite; an import-linter contract and a test keep it so.
"""
