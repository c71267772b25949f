"""``python -m yalta_refs``: the command line."""

import sys

from .cli import main

sys.exit(main())
