"""The `awasi` console script: runs any Django management command."""

import os
import sys


def main() -> None:
    """Run a management command (`awasi migrate`, `awasi demo`, ...)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["awasi", *sys.argv[1:]])


if __name__ == "__main__":
    main()
