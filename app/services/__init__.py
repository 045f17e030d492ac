"""Domain logic. Services take explicit arguments (never a request), ``flush`` and never commit."""
