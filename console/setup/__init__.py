"""The set-up drp runs in, checked: `drp doctor`.

Each check looks at one thing a sysadmin or a crisis staff member can get
wrong before the day of a disaster (the terminal, the locale, the plan's file
mode, the shared state directory, its filesystem and free space, the clock)
and gives findings that say what was found and what to do about it. Nothing
here imports Textual: the checks say what the console *would* do, as read from
the environment, the files and the clock they are given.
"""
