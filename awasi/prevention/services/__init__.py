"""Use cases of the prevention app (each validates, writes in one transaction and audits)."""
