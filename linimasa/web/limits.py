"""What every response carries and what no request may exceed: security headers, URL and header sizes."""

from __future__ import annotations

import json

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

# Request lines and headers past these are refused with 414 and 431 (RFC 9110, RFC 6585) before any work.
# Below them, an oversized parameter is the app's to refuse with its reason (422): a filter of thousands
# of outlets is still answered.
MAX_URL_BYTES = 256 * 1024
MAX_HEADER_BYTES = 64 * 1024


class RequestLimits:
    """ASGI middleware: oversized URLs and header blocks are answered 414 and 431, before any work."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            url = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string") or b"")
            headers = sum(len(k) + len(v) + 4 for k, v in scope.get("headers") or [])
            if url > MAX_URL_BYTES:
                return await _refuse(send, 414, f"URI Too Long: {url:,} bytes, the limit is {MAX_URL_BYTES:,}")
            if headers > MAX_HEADER_BYTES:
                return await _refuse(send, 431, f"Request Header Fields Too Large: {headers:,} bytes, the limit "
                                                f"is {MAX_HEADER_BYTES:,}")
        await self.app(scope, receive, send)


async def _refuse(send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
