"""The MkDocs-family engine (MkDocs or ProperDocs, with Material): :class:`.engine.MkDocsEngine`."""
