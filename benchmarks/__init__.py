"""Benchmark of a whole ``phobien build`` against plain MkDocs + Material, on a generated site.

- :mod:`.text`: sentences of Vietnamese (tone marks and đ on almost every line), English,
  Khmer and White Hmong made from real words of legal information, deterministic per seed;
- :mod:`.generate`: a synthetic national content tree of a given size (materials, news,
  plans with tasks, legal documents, agencies, audiences; machine-translated copies with their
  provenance), valid for ``phobien check``;
- :mod:`.measure`: timing, peak memory, output size, first-view weight, search download and
  the plain MkDocs + Material baseline;
- ``python -m benchmarks`` (``scripts/bench``): runs it all and writes ``bench.json``.
"""
