/* phobien search: the engine is being written; see phobien/search/. */
