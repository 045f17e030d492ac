"""Background jobs: an in-process worker by default, RQ workers on Redis when REDIS_URL is set."""
