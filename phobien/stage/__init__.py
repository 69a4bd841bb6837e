"""From validated content to a published site."""
