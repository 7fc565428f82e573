import sys

from stancekit.cli import main

sys.exit(main())
