"""The console in a web browser: `drp serve`, over textual-serve.

`server.py` is the only module that imports textual-serve (and with it
aiohttp); `drp` imports it when `drp serve` runs, never before. `page.html`
is the page the browser loads: drp's own, which fetches nothing from outside
the machine, so the console opens at a fallback site without internet.
"""
