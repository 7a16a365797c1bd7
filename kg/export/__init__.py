"""Exporters: the graph to files. Each writer replaces its file atomically, so a failed build keeps the last good
output."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

UMASK = os.umask(0o022)
os.umask(UMASK)  # reading the umask means setting it: this puts it back


def write_text_atomic(path: Path, text: str | Iterable[str]) -> Path:
    """Write `text` (a string, or its pieces in order) to `path` through a temporary file in the same folder and a
    rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.writelines([text] if isinstance(text, str) else text)
        os.chmod(temp, 0o666 & ~UMASK)  # mkstemp makes the file private; outputs get the usual permissions
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path
