"""phobien/preview"""
