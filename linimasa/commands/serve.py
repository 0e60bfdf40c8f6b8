"""`linimasa serve`: the web view and JSON API over the store."""

from __future__ import annotations

import click

from ..store import StoreError, redact
from .common import DB_OPTION, err, fail


@click.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default keeps the view on this machine.")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """The web view and JSON API over the store, read-only: a timeline first, then events, actors, maps."""
    import uvicorn

    from ..web.app import create_app

    try:
        app = create_app(db)
    except StoreError as exc:
        fail(str(exc))
    problem = _cannot_listen(host, port)
    if problem:
        fail(f"cannot serve at {host}:{port}: {problem}; pass another --port (or stop what uses it)")
    err.print(f"linimasa: serving {redact(db)} read-only at http://{host}:{port}/ (API docs at /docs; Ctrl-C stops)",
              highlight=False)
    # h11 reads request lines and headers up to 1 MB, so that the app answers an oversized one clearly
    # (422, or 414/431 past linimasa.web.app.RequestLimits) instead of the connection being reset.
    uvicorn.run(app, host=host, port=port, log_level="warning", http="h11",
                h11_max_incomplete_event_size=1024 * 1024)


def _cannot_listen(host: str, port: int) -> str | None:
    """Why the web view could not listen at host:port (a port in use, an address not of this machine), or None."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"the host is not known ({exc.strerror})"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            return exc.strerror or str(exc)
    return None
