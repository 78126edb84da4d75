"""The `drp` subcommands, one module each; `console.cli` wires them into the parser.

Each module has `register(subparsers)` to declare its arguments and a `run`
function that calls the plan, incident, store and report layers and returns
an exit status. The console calls the same layers, never these modules.
"""
