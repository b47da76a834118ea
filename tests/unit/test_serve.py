"""The local server answers like GitHub Pages: gzip for text, cache headers, 304, 404, folders."""

import gzip
import http.client
from urllib.parse import urlsplit

import pytest

from widgets.build.serve import MAX_AGE, serving


@pytest.fixture
def site(tmp_path):
    (tmp_path / "index.html").write_text("<!DOCTYPE html><title>Start</title>" + "å" * 2000,
                                         encoding="utf-8")
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "index.html").write_text("<p>bok</p>", encoding="utf-8")
    (tmp_path / "style.css").write_text("body { color: black; }\n" * 100, encoding="utf-8")
    (tmp_path / "font.woff2").write_bytes(b"wOF2" + bytes(500))
    with serving(tmp_path) as url:
        yield urlsplit(url)


def get(site, path, **headers):
    connection = http.client.HTTPConnection(site.hostname, site.port, timeout=10)
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_text_is_gzipped_with_charset_and_cache_headers(site):
    response, body = get(site, "/style.css", **{"Accept-Encoding": "gzip, deflate"})
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/css; charset=utf-8"
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Vary") == "Accept-Encoding"
    assert response.getheader("Cache-Control") == f"max-age={MAX_AGE}"
    assert response.getheader("ETag") and response.getheader("Last-Modified")
    assert gzip.decompress(body).startswith(b"body { color: black; }")
    assert int(response.getheader("Content-Length")) == len(body) < 2200


def test_no_gzip_unless_asked_and_binary_files_as_they_are(site):
    response, body = get(site, "/index.html")
    assert response.getheader("Content-Encoding") is None
    assert "å" in body.decode("utf-8")
    response, body = get(site, "/font.woff2", **{"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Type") == "font/woff2"
    assert response.getheader("Content-Encoding") is None and body.startswith(b"wOF2")


def test_a_matching_etag_gets_not_modified(site):
    response, _ = get(site, "/style.css")
    again, body = get(site, "/style.css", **{"If-None-Match": response.getheader("ETag")})
    assert again.status == 304 and body == b""
    changed, _ = get(site, "/style.css", **{"If-None-Match": '"other"'})
    assert changed.status == 200


def test_folders_redirect_to_their_slash_and_missing_files_are_404(site):
    response, _ = get(site, "/book")
    assert response.status == 301 and response.getheader("Location") == "/book/"
    response, body = get(site, "/book/")
    assert response.status == 200 and body == b"<p>bok</p>"
    response, body = get(site, "/finns-inte.html")
    assert response.status == 404 and "Sidan finns inte" in body.decode("utf-8")
    response, _ = get(site, "/../../etc/passwd")
    assert response.status == 404
