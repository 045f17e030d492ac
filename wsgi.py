"""The one entry point for servers and the flask CLI: ``app = create_app()``."""

from app import create_app
from app.extensions import socketio

app = create_app()

__all__ = ["app", "socketio"]
