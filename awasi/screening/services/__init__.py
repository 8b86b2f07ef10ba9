"""Use cases that change screening state; each is atomic and writes its own audit event."""
