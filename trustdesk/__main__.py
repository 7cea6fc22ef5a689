"""`python -m trustdesk` does what the `trustdesk` command does."""

import sys

from trustdesk.cli import main

sys.exit(main())
