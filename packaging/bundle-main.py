"""Entry point of the standalone bundle: what `trustdesk` does when installed."""

import sys

from trustdesk.cli import main

sys.exit(main())
