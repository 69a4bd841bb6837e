"""phobien/publish"""
