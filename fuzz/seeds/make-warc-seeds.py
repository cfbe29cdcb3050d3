#!/usr/bin/env python3
"""Writes fuzz/seeds/warc/seed.warc and seed.warc.gz: five small WARC records
of our own writing (warcinfo, request, chunked HTML response, gzip-encoded
HTML response with LF-only HTTP headers, WET conversion), plain and gzipped
one member per record.  Run from the repository root."""
import gzip

def rec(headers, block):
    h = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + f"Content-Length: {len(block)}\r\n\r\n"
    return h.encode() + block + b"\r\n\r\n"

html = b'<html><body><p>LIMA, March 5 (AP) - Peru\'s congress voted on Tuesday to remove the minister of energy.</p></body></html>'
ch = b"%x\r\n" % 40 + html[:40] + b"\r\n" + b"%x\r\n" % (len(html) - 40) + html[40:] + b"\r\n0\r\n\r\n"
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n" + ch
gz_html = gzip.compress(b'<html><head><title>Quake</title></head><body><div class="story"><p>TOKYO, Jan 3 (Kyodo) - A strong earthquake shook northern Japan on Friday, the agency said.</p></div></body></html>', mtime=0)
http2 = b"HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Encoding: gzip\n\n" + gz_html
recs = [
    rec([("WARC-Type", "warcinfo"), ("WARC-Record-ID", "<urn:uuid:00000000-0000-0000-0000-000000000001>")], b"software: dateline seed\r\n"),
    rec([("WARC-Type", "request"), ("WARC-Target-URI", "http://example.org/2024/03/05/story")], b"GET /2024/03/05/story HTTP/1.1\r\nHost: example.org\r\n\r\n"),
    rec([("WARC-Type", "response"), ("WARC-Target-URI", "<http://example.org/2024/03/05/story>"), ("WARC-Date", "2024-03-05T12:00:00Z"),
         ("WARC-Record-ID", "<urn:uuid:00000000-0000-0000-0000-000000000002>"), ("Content-Type", "application/http; msgtype=response")], http),
    rec([("WARC-Type", "response"), ("WARC-Target-URI", "http://example.org/quake"), ("WARC-Date", "2025-01-03T01:00:00Z"),
         ("Content-Type", "application/http; msgtype=response")], http2),
    rec([("WARC-Type", "conversion"), ("WARC-Target-URI", "http://example.org/a"), ("Content-Type", "text/plain")], b"Plain text of a page, as a WET record.\n"),
]
open("fuzz/seeds/warc/seed.warc", "wb").write(b"".join(recs))
open("fuzz/seeds/warc/seed.warc.gz", "wb").write(b"".join(gzip.compress(r, mtime=0) for r in recs))
