"""Collecting sources the way curators do: pages by address, the links of a feed, the pages of a web archive.

Not a stage of the build: it only adds files to sources/ (with their capture record in the sidecar),
which the next build reads like any other source.
- `limits.py`: the limits, as named constants;
- `fetch.py`: one page over HTTP(S), within the limits (size, redirects, time, pace per host, media type);
- `feed.py`: an RSS or Atom feed's links, with the feed's hints about each page;
- `warc.py`: the pages of a WARC, ARC or WACZ file;
- `naming.py`: a readable file name from the outlet and headline;
- `store.py`: the one place that writes into sources/, atomically, never overwriting, skipping duplicates;
- `add.py`: the `add` command's runs, one outcome per item.
"""
