"""One module per `hoagiai` subcommand. Each has `add_to(subparsers)`, which sets `run`."""
