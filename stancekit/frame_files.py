"""Frame files: the built-in frames and the cached loading of a frame by name or path.

:func:`load_frame` reads and validates a frame file once per version of it (the file and its
roster file, :func:`stancekit.frame_schema.roster_file`); ``stancekit.frames`` re-exports it.

Example:
    >>> "karabakh" in available_frames(), load_frame("karabakh") is load_frame("karabakh")
    (True, True)
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stancekit.errors import FrameError
from stancekit.frame_schema import frame_from_dict, roster_file

if TYPE_CHECKING:
    from stancekit.frames import Frame

__all__ = ["FRAMES_DIR", "available_frames", "load_frame"]

FRAMES_DIR = Path(__file__).parent / "rules" / "lexicons" / "frames"


def available_frames() -> list[str]:
    """Names of the built-in frames.

    Example:
        >>> "karabakh" in available_frames()
        True
    """
    return sorted(p.stem for p in FRAMES_DIR.glob("*.toml"))


def _read_toml(path: str) -> dict[str, Any]:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise FrameError(f"cannot read frame file {path}: {exc.strerror}") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise FrameError(
            f"frame file {path} is not valid UTF-8 TOML: {exc}; fix the syntax at that position"
        ) from None


@functools.lru_cache(maxsize=32)
def _load_path(path: str, mtime: float) -> Frame:
    return frame_from_dict(_read_toml(path), path)


#: each frame file's roster file (frame_schema's "roster" key), whose edits change the frame too;
#: read once per frame file, so that loading a cached frame costs two stat calls at most
_ROSTERS: dict[str, Path | None] = {}


def load_frame(frame: str | Path | Frame) -> Frame:
    """Load and validate a frame by built-in name or path (cached).

    Args:
        frame: a built-in name (see :func:`available_frames`), a path to a ``.toml`` file, or a
            :class:`Frame` (returned as is).

    Raises:
        FrameError: unknown name, unreadable file, invalid TOML or schema violation; the
            message names the file, the key and the fix.

    Example:
        >>> load_frame("karabakh").name
        'karabakh'
    """
    from stancekit.frames import Frame

    if isinstance(frame, Frame):
        return frame
    if not isinstance(frame, (str, Path)):
        raise FrameError(
            f"frame must be a built-in name, a path or a Frame, got {type(frame).__name__}"
        )
    p = Path(frame)
    if isinstance(frame, str) and p.suffix != ".toml" and "/" not in frame and "\\" not in frame:
        p = FRAMES_DIR / f"{frame}.toml"
        if not p.exists():
            raise FrameError(
                f"unknown frame {frame!r}; built-in frames are {available_frames()}, "
                "or pass the path of your own .toml file"
            )
    if not p.exists():
        raise FrameError(f"frame file {p} does not exist; check the path or use one of {available_frames()}")
    path = str(p.resolve())
    if path not in _ROSTERS:
        _ROSTERS[path] = roster_file(_read_toml(path), path)
    roster = _ROSTERS[path]
    mtime = p.stat().st_mtime if roster is None or not roster.exists() else max(p.stat().st_mtime, roster.stat().st_mtime)
    return _load_path(path, mtime)
