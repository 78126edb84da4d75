"""`python -m console` is the same as the `drp` command."""

from console.cli import main

raise SystemExit(main())
