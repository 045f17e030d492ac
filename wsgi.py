"""The one entry point for servers and the flask CLI: ``app = create_app()``."""

from app import create_app
from app.deid import scan
from app.extensions import socketio

app = create_app()
# Load the identifier scanner's word lists now, not during someone's first post.
scan("warm-up")

__all__ = ["app", "socketio"]
