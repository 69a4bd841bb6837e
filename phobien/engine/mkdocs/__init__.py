"""phobien/engine/mkdocs"""
