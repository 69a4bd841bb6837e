"""phobien/commands"""
