#!/usr/bin/env python
"""Django's command-line utility; `awasi` is the same thing as a console script."""

from awasi.__main__ import main

if __name__ == "__main__":
    main()
