"""The hot folder: events, settle detection, once-per-write, archive first.

`FolderWatcher` (watcher.py) hands out each finished write once as a `FinishedWrite` (events.py);
`Intake` (intake.py) archives, reads and records it in the journal.
"""
