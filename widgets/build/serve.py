"""Serve the built site the way GitHub Pages does, so what you see (and measure) is the real thing.

    python -m widgets.build.serve [_build/html] [--port 8000] [--bind 127.0.0.1]

Like GitHub Pages, the server
- compresses text (HTML, CSS, JavaScript, JSON, SVG, XML, plain text) with gzip when the
  browser accepts it (``Vary: Accept-Encoding``);
- sends ``Cache-Control: max-age=600``, ``ETag`` and ``Last-Modified``, and answers a
  matching ``If-None-Match`` / ``If-Modified-Since`` with ``304 Not Modified``;
- names every text type with ``charset=utf-8``;
- redirects a folder without its trailing slash (``/book`` → ``/book/``) and serves its
  ``index.html``;
- answers a missing file with status 404 and the site's ``404.html`` (a short Swedish page
  when the site has none).

It speaks HTTP/1.1 with keep-alive (GitHub Pages speaks HTTP/2; browsers and Lighthouse then
open up to six connections instead of one). Nothing here is for the open internet: it binds
to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import http.server
import mimetypes
import posixpath
import sys
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

#: Cache lifetime GitHub Pages gives every file.
MAX_AGE = 600
#: Types that are compressed and get ``charset=utf-8``.
TEXT_TYPES = {
    ".html": "text/html", ".htm": "text/html", ".css": "text/css", ".js": "text/javascript",
    ".mjs": "text/javascript", ".json": "application/json", ".svg": "image/svg+xml",
    ".xml": "application/xml", ".txt": "text/plain", ".md": "text/markdown",
    ".map": "application/json", ".inv": "text/plain", ".ipynb": "application/json",
    ".bib": "text/plain", ".gift": "text/plain",
}
BINARY_TYPES = {
    ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".png": "image/png",
    ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
    ".ico": "image/x-icon", ".pdf": "application/pdf", ".zip": "application/zip",
}
NOT_FOUND = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Sidan finns inte – Tillitskursen</title></head>
<body><main><h1>Sidan finns inte</h1><p><a href="/">Till kursens startsida</a></p></main></body></html>
"""


def content_type(path: Path) -> tuple[str, bool]:
    """The ``Content-Type`` for ``path`` and whether it is text (compressed, UTF-8)."""
    suffix = path.suffix.lower()
    if suffix in TEXT_TYPES:
        return f"{TEXT_TYPES[suffix]}; charset=utf-8", True
    guessed = BINARY_TYPES.get(suffix) or mimetypes.guess_type(path.name)[0]
    return guessed or "application/octet-stream", False


class _Cache:
    """Compressed bodies, by (path, mtime, size): each file is gzipped once."""

    def __init__(self):
        self._lock = threading.Lock()
        self._bodies: dict[tuple[str, int, int], bytes] = {}

    def gzipped(self, path: Path, stat) -> bytes:
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        with self._lock:
            body = self._bodies.get(key)
        if body is None:
            # mtime=0: the same file always compresses to the same bytes
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            with self._lock:
                self._bodies[key] = body
        return body


class PagesHandler(http.server.BaseHTTPRequestHandler):
    """GET and HEAD for the files under ``root`` (set by :func:`make_server`)."""

    protocol_version = "HTTP/1.1"
    root: Path
    cache: _Cache
    quiet = True

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        if not self.quiet:
            super().log_message(format, *args)

    def do_HEAD(self):  # noqa: N802 (the base class's naming)
        self._respond(send_body=False)

    def do_GET(self):  # noqa: N802
        self._respond(send_body=True)

    # -- resolving a request to a file --------------------------------------------------
    def _resolve(self, url_path: str) -> tuple[str, Path | None]:
        """('file', path), ('redirect', None) for a folder without slash, or ('missing', None)."""
        parts = [p for p in posixpath.normpath(unquote(url_path)).split("/") if p not in ("", ".", "..")]
        target = self.root.joinpath(*parts) if parts else self.root
        try:
            target.resolve().relative_to(self.root.resolve())
        except ValueError:
            return "missing", None
        if target.is_dir():
            if not url_path.endswith("/"):
                return "redirect", None
            target = target / "index.html"
        if target.is_file():
            return "file", target
        return "missing", None

    def _respond(self, *, send_body: bool) -> None:
        url = urlsplit(self.path)
        outcome, path = self._resolve(url.path)
        if outcome == "redirect":
            location = url.path + "/" + (f"?{url.query}" if url.query else "")
            self._send(301, b"", {"Location": location, "Content-Type": "text/plain; charset=utf-8"},
                       send_body)
            return
        if outcome == "missing":
            page = self.root / "404.html"
            body = page.read_bytes() if page.is_file() else NOT_FOUND.encode("utf-8")
            self._send(404, body, {"Content-Type": "text/html; charset=utf-8"}, send_body,
                       compressible=True)
            return
        stat = path.stat()
        kind, is_text = content_type(path)
        etag = f'"{stat.st_mtime_ns // 1_000_000:x}-{stat.st_size:x}"'
        last_modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        headers = {"Content-Type": kind, "ETag": etag, "Last-Modified": last_modified,
                   "Cache-Control": f"max-age={MAX_AGE}"}
        if self._not_modified(etag, stat.st_mtime):
            self._send(304, b"", headers, send_body=False, length=False)
            return
        body = path.read_bytes() if not (is_text and self._accepts_gzip()) else None
        if body is None:
            headers["Content-Encoding"] = "gzip"
            body = self.cache.gzipped(path, stat)
        if is_text:
            headers["Vary"] = "Accept-Encoding"
        self._send(200, body, headers, send_body)

    def _accepts_gzip(self) -> bool:
        accepted = self.headers.get("Accept-Encoding", "")
        return any(part.split(";")[0].strip() in ("gzip", "*") and "q=0" not in part.replace(" ", "")
                   for part in accepted.split(","))

    def _not_modified(self, etag: str, mtime: float) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:
            tags = [tag.strip().removeprefix("W/") for tag in match.split(",")]
            return etag in tags or match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
        return False

    def _send(self, status: int, body: bytes, headers: dict[str, str], send_body: bool, *,
              compressible: bool = False, length: bool = True) -> None:
        if compressible and self._accepts_gzip():
            body = gzip.compress(body, compresslevel=6, mtime=0)
            headers = {**headers, "Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body and body:
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # a browser that closes a kept-alive connection is not an error
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


def make_server(root: Path, bind: str = "127.0.0.1", port: int = 0, *, quiet: bool = True):
    """A threading HTTP server for ``root`` (port 0: a free port)."""
    handler = type("SiteHandler", (PagesHandler,), {"root": Path(root), "cache": _Cache(),
                                                    "quiet": quiet})
    server = _Server((bind, port), handler)
    return server


@contextmanager
def serving(root: Path):
    """Serve ``root`` on 127.0.0.1 (a free port) in a thread; yield the base URL."""
    server = make_server(root)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=Path("_build/html"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--log", action="store_true", help="print every request")
    args = parser.parse_args(argv)
    if not (args.root / "index.html").is_file():
        print(f"FEL: {args.root}/index.html finns inte. Bygg först med 'make book'.", file=sys.stderr)
        return 1
    server = make_server(args.root, args.bind, args.port, quiet=not args.log)
    print(f"Servar {args.root} på http://{args.bind}:{server.server_address[1]}/ "
          "(gzip och cache som GitHub Pages) — avsluta med Ctrl+C.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
