"""Pages for transcribing a session clip into a private draft and sharing it through the gate."""
