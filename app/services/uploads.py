"""Uploaded clips: stored under a random name with mode 0600, checked by decoding, deleted early.

A voice identifies a person, so the audio lives only in the upload folder, only as long as its
job needs it, and under a name that says nothing about its content or owner.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.services.errors import Invalid, TooLarge, UnsupportedMedia

log = logging.getLogger(__name__)

CHUNK = 1024 * 1024
SUFFIX = ".audio"
# Leading bytes of containers people record sessions in. A file that starts like one of them
# but cannot be read is damaged or cut short (422); anything else is not audio (415).
_MAGIC = (
    (0, b"RIFF"),
    (0, b"ID3"),
    (0, b"fLaC"),
    (0, b"OggS"),
    (0, b"FORM"),
    (0, b"#!AMR"),
    (0, b"\x1aE\xdf\xa3"),  # Matroska / WebM
    (0, b"0&\xb2u"),  # ASF / WMA
    (4, b"ftyp"),  # MP4 / M4A / MOV
)


@dataclass(frozen=True)
class AudioInfo:
    duration: float
    container: str
    codec: str


def folder(config) -> Path:
    """Return the upload folder (created with mode 0700)."""
    path = Path(config["UPLOAD_FOLDER"])
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def path_for(config, name: str) -> Path:
    """Return the path of a stored clip; names are ours, but never trust them with ``..``."""
    if "/" in name or "\\" in name or name.startswith("."):
        raise ValueError("not an upload name")
    return folder(config) / name


def remove(config, name: str | None) -> bool:
    """Delete a stored clip; return whether a file was there."""
    if not name:
        return False
    try:
        path_for(config, name).unlink()
    except FileNotFoundError:
        return False
    return True


def store(config, stream: BinaryIO, max_bytes: int) -> str:
    """Copy an upload into the folder under a random name; 413 (nothing kept) above the limit."""
    name = secrets.token_hex(16) + SUFFIX
    path = path_for(config, name)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    size = 0
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := stream.read(CHUNK):
                size += len(chunk)
                if size > max_bytes:
                    raise TooLarge(
                        f"The clip is larger than {max_bytes // (1024 * 1024)} MB; "
                        "upload a shorter part or a compressed format (MP3, M4A, Opus)."
                    )
                out.write(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return name


def _looks_like_audio(path: Path) -> bool:
    with open(path, "rb") as handle:
        head = handle.read(16)
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:  # MPEG / ADTS frame sync
        return True
    return any(head[offset : offset + len(magic)] == magic for offset, magic in _MAGIC)


def wav_declared_seconds(path: Path) -> float | None:
    """Return the duration a WAV header promises (FFmpeg trusts the file size instead)."""
    with open(path, "rb") as handle:
        head = handle.read(12)
        if len(head) < 12 or head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            return None
        byte_rate = None
        for _ in range(64):
            header = handle.read(8)
            if len(header) < 8:
                return None
            chunk_id, size = header[:4], int.from_bytes(header[4:], "little")
            if chunk_id == b"fmt ":
                body = handle.read(min(size, 64))
                if len(body) >= 12:
                    byte_rate = int.from_bytes(body[8:12], "little")
                handle.seek(size - len(body) + (size & 1), os.SEEK_CUR)
            elif chunk_id == b"data":
                # Streaming recorders leave 0 or 0xFFFFFFFF when they never went back to fix it.
                if not byte_rate or size == 0 or size >= 0xFFFFFF00:
                    return None
                return size / byte_rate
            else:
                handle.seek(size + (size & 1), os.SEEK_CUR)
    return None


def probe(path: Path, max_seconds: float) -> AudioInfo:
    """Decode the whole clip; raise 415 (not audio) or 422 (empty, damaged, cut short, too long)."""
    import av

    if path.stat().st_size == 0:
        raise Invalid("The file is empty.", {"file": "Empty."})
    too_long = Invalid(
        f"The clip is longer than {_minutes(max_seconds)}; upload a shorter part.",
        {"file": "Too long."},
    )
    try:
        container = av.open(str(path))
    except Exception:
        if _looks_like_audio(path):
            raise Invalid(
                "The audio file is damaged or cut short; upload the complete file.",
                {"file": "Damaged or truncated."},
            ) from None
        raise UnsupportedMedia(
            "This is not an audio file Parallel can read; upload WAV, MP3, M4A, OGG, FLAC or WebM."
        ) from None
    with container:
        streams = [s for s in container.streams if s.type == "audio"]
        if not streams:
            raise UnsupportedMedia("The file has no audio track.")
        stream = streams[0]
        declared = [container.duration / 1_000_000] if container.duration else []
        wav = wav_declared_seconds(path)
        if wav:
            declared.append(wav)
        promised = max(declared) if declared else None
        if promised and promised > max_seconds + 1:
            raise too_long
        samples = 0
        rate = stream.rate or 0
        try:
            for frame in container.decode(stream):
                samples += frame.samples
                rate = frame.sample_rate or rate
                if rate and samples / rate > max_seconds + 1:
                    raise too_long
        except Invalid:
            raise
        except Exception:
            raise Invalid(
                "The audio could not be decoded to the end; the file is damaged.",
                {"file": "Damaged."},
            ) from None
        decoded = samples / rate if rate else 0.0
        if decoded < 0.1:
            raise Invalid("The file holds no sound.", {"file": "No audio."})
        if promised and promised - decoded > max(1.0, 0.1 * promised):
            raise Invalid(
                f"The file ends after {decoded:.1f} s but says it lasts {promised:.1f} s; "
                "it was cut short. Upload the complete file.",
                {"file": "Truncated."},
            )
        if decoded > max_seconds:
            raise too_long
        return AudioInfo(round(decoded, 3), container.format.name, stream.codec_context.name)


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:g} minutes" if seconds >= 60 else f"{seconds:g} seconds"


def sweep_orphans(config, referenced: set[str], older_than: float = 3600) -> int:
    """Delete clips no row points at (a crash between upload and commit); return how many."""
    removed = 0
    cutoff = time.time() - older_than
    for entry in folder(config).glob("*" + SUFFIX):
        if entry.name in referenced:
            continue
        with contextlib.suppress(FileNotFoundError):
            if entry.stat().st_mtime < cutoff:
                entry.unlink()
                removed += 1
    if removed:
        log.info("removed %s orphaned upload(s)", removed)
    return removed
