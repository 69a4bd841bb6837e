import sys

from phobien.cli import main

sys.exit(main())
