"""Rendering engines. Only MkDocs + Material today; the rest of phobien does not import it."""
