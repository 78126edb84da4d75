"""drp, the disaster recovery crisis console.

The package turns a public service's Disaster Recovery Plan into data
(`console.plan`), runs it as a journal of events (`console.incident`,
`console.store`), reports on it (`console.report`) and shows it in a terminal
console (`console.tui`). `console.cli` is the `drp` command.
"""

__version__ = "0.1.0"
