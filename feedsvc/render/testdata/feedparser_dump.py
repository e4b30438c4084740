"""Print what feedparser reads from each feed file named on the command
line, as one JSON document per file on its own line.

Text fields are given as a reader would show them: the value as is when
feedparser types it text/plain, HTML-decoded when it types it text/html
(the markup test of feedsvc/render/feedparser_test.go checks separately
that such values hold no element). Content is given raw.
"""
import html
import json
import sys

import feedparser


def text(detail):
    if detail is None:
        return None
    value = detail.get("value", "")
    if detail.get("type", "text/plain") in ("text/html", "application/xhtml+xml"):
        return {"raw": value, "text": html.unescape(value)}
    return {"raw": None, "text": value}


def entry(e):
    return {
        "title": text(e.get("title_detail")),
        "summary": text(e.get("summary_detail")),
        "rights": text(e.get("rights_detail")),
        "content": [c.get("value", "") for c in e.get("content", [])],
        "author": e.get("author"),
        "authors": [a.get("name") for a in e.get("authors", [])],
        "contributors": [c.get("name") for c in e.get("contributors", [])],
        "tags": [t.get("term") for t in e.get("tags", [])],
        "source_title": (e.get("source") or {}).get("title"),
    }


for path in sys.argv[1:]:
    with open(path, "rb") as f:
        d = feedparser.parse(f.read())
    print(json.dumps({
        "bozo": bool(d.get("bozo")),
        "bozo_exception": str(d.get("bozo_exception", "")),
        "title": text(d.feed.get("title_detail")),
        "subtitle": text(d.feed.get("subtitle_detail")),
        "entries": [entry(e) for e in d.entries],
    }))
