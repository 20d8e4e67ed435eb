import sys

from hoagiai.cli import main

sys.exit(main())
