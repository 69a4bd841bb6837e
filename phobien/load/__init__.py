"""Reading the content tree: files → validated models + diagnostics with positions."""

from phobien.load.tree import Content, Page, load_content

__all__ = ["Content", "Page", "load_content"]
