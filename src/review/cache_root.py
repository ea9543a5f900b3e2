"""Where review keeps what it can make again: jars, the server's state, checker answers."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir


def cache_root() -> Path:
    """The user's cache folder for review; REVIEW_CACHE_DIR overrides."""
    return Path(os.environ.get("REVIEW_CACHE_DIR") or user_cache_dir("review"))
