"""phobien/core"""
