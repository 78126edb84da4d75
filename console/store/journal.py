"""The journal on disk: one append-only TOML file per writing process.

Why this shape:
- Every process (a console, a `drp` command) appends only to a file of its
  own, named after its host and a fresh id, so any number of processes on any
  number of machines write at once without locks between them, and a folder
  synced through git or a shared drive never has two writers on one file.
- Each event is a `[[events]]` table closed by a `crc` line, written with one
  `write()` and made durable with `fsync()` before the action is confirmed. A
  reader accepts an event only with its checksum, so a torn or damaged event
  is found, reported with its file and line, and the rest still loads.
- A writer holds an exclusive `flock` on its file while it lives. An event
  left incomplete at the end of a file whose writer still holds the lock is
  being written right now and is simply read later; once the writer is gone,
  it is damage, reported and kept. Nothing here ever rewrites a file.
- Readers remember how far they read in each file and read only what was
  appended since (`JournalReader.poll`).
- A file converted to CR LF line ends on its way (git's `autocrlf`, a Windows
  share) is read as drp wrote it, and reported once as converted; the common
  LF file pays one scan for a CR and nothing else.
- A write that fails (a full disk) names the real path; a file of this
  process's in which no event was confirmed yet is removed, so that retrying
  leaves no trail of empty journal files.
- Reading a file and checking its events against the schema are two steps:
  the console takes a first look at the raw tables (`JournalReader.peek`)
  before pydantic is loaded, and the next poll checks those same tables. The
  bytes of a file (events, checksums, tables, the schema check) are read by
  `console.store.journal_text`, which loads the schema only when it checks.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import socket
import threading
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import tomli_w

from console.errors import DrpError
from console.i18n import N_, _
from console.incident.ids import new_id
from console.store.journal_text import (
    HEADER,
    MAX_EVENT_BYTES,
    Damage,
    Found,
    Origin,
    ReadResult,
    Table,
    check,
    parse,
    parse_converted,
)
from console.store.regular import NotRegular, open_regular

if TYPE_CHECKING:  # the console reads the journal for its first frame, before the schema
    from console.incident.events import BaseEvent

JOURNAL_FOLDER = "journal"
FILE_MODE = 0o640
"""The owner writes, the group reads: nobody adds events to another user's file."""
FOLDER_MODE = 0o3770
"""Shared with the group, setgid (files take the folder's group) and sticky (nobody
renames or deletes another user's file)."""
MAX_FILE_BYTES = 64 * 1024 * 1024
"""A journal file larger than this is reported and not read: no process writes that much."""
PREAMBLE = b"# drp journal: one process appends here, nothing rewrites it. Do not edit.\n"


class StoreError(DrpError):
    """The journal could not be written; the event was not recorded."""

    title = N_("Not recorded")

    def __init__(self, reason: str) -> None:
        super().__init__(
            _("could not write the journal; the action is not confirmed: {reason}").format(
                reason=reason
            )
        )
        self.reason = reason


def journal_folder(state_dir: Path) -> Path:
    """Where the journal files of a state directory are."""
    return Path(state_dir) / JOURNAL_FOLDER


def ensure_state_dir(state_dir: Path) -> Path:
    """Create the state directory and its journal folder: group-shared, setgid and sticky.

    Several processes may do this at the same moment: whoever creates a folder
    sets its mode, the others find it there. A folder that exists is left as
    it is: its owner set it up (`console.incident.trust` reports one that
    lets members tamper with each other's files).
    """
    folder = journal_folder(state_dir)
    for directory in (Path(state_dir), folder):
        try:
            directory.mkdir(mode=0o770)
        except FileExistsError:
            continue
        os.chmod(directory, FOLDER_MODE)
        _sync_folder(directory.parent)
    return folder


def host_name() -> str:
    """This machine's name, made safe for a file name."""
    name = socket.gethostname().split(".")[0] or "host"
    return re.sub(r"[^A-Za-z0-9_-]", "-", name)[:40]


def encode_event(event: BaseEvent) -> bytes:
    """An event as a `[[events]]` table followed by its checksum line."""
    data = event.model_dump(mode="python", exclude_none=True)
    body = tomli_w.dumps({"events": [data]}).encode("utf-8")
    if len(body) > MAX_EVENT_BYTES:
        raise StoreError(_("the event is larger than 1 MiB; shorten its text"))
    if not body.startswith(HEADER):  # tomli_w always writes the header first
        raise StoreError(f"unexpected encoding of event {event.id}")
    return body + b'crc = "%08x"\n\n' % zlib.crc32(body)


class JournalWriter:
    """Appends events to this process's own journal file, durably."""

    def __init__(self, state_dir: Path, host: str | None = None) -> None:
        self.state_dir = Path(state_dir)
        self.host = host or host_name()
        self._fd: int | None = None
        self._lock = threading.Lock()
        self.path: Path | None = None
        self._written = 0
        """How many events are confirmed in the file at `path`."""

    def _open(self) -> int:
        """Create this process's file; on failure, leave no file behind and say where it failed."""
        try:
            folder = ensure_state_dir(self.state_dir)
            path = folder / f"{self.host}-{new_id_now()}.toml"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND, FILE_MODE)
        except OSError as error:  # mkdir and open name their path themselves
            raise StoreError(_reason(error, self.state_dir)) from error
        try:
            os.fchmod(fd, FILE_MODE)
            fcntl.flock(fd, fcntl.LOCK_EX)  # readers hold a shared lock for an instant only
            _write_all(fd, PREAMBLE)
            os.fsync(fd)
            _sync_folder(folder)
        except BaseException as error:
            _remove(path)  # nothing was ever confirmed in it: no empty file is left behind
            os.close(fd)
            if isinstance(error, OSError):
                raise StoreError(_reason(error, folder)) from error
            raise
        self.path = path
        self._written = 0
        return fd

    def append(self, event: BaseEvent) -> None:
        """Write `event` and return only once it is on disk."""
        chunk = encode_event(event)
        with self._lock:
            if self._fd is None:
                self._fd = self._open()
            try:
                _write_all(self._fd, chunk)
                os.fdatasync(self._fd)
            except OSError as error:
                raise StoreError(self._failed(error)) from error
            self._written += 1

    def _failed(self, error: OSError) -> str:
        """After a failed write, leave the file for good; the reason, with the real path.

        A file that holds no confirmed event (its first event failed) is
        removed, so that retrying on a full disk does not leave a trail of
        empty files; one with confirmed events is kept as it is, and the part
        of an event torn by the failure is reported by readers as damage.
        """
        path = self.path
        if path is not None and self._written == 0:
            _remove(path)  # before the lock goes: no reader takes its torn tail for damage
            self._abandon()
            return _reason(error, path.parent)
        self._abandon()
        return _reason(error, path or journal_folder(self.state_dir))

    def _abandon(self) -> None:
        """Close the file: the next event starts a new one."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
        self._fd = None

    def close(self) -> None:
        """Release the file; a later append opens a new one."""
        with self._lock:
            self._abandon()


def _reason(error: OSError, where: Path) -> str:
    """What failed and where: "drp-state/journal: No space left on device"."""
    return f"{error.filename or where}: {error.strerror or error}"


def _remove(path: Path) -> None:
    """Remove a journal file of this process's that holds no confirmed event."""
    with contextlib.suppress(OSError):
        os.unlink(path)
        _sync_folder(path.parent)


def new_id_now() -> str:
    """A fresh id for a journal file name (its time part needs no injected clock)."""
    return new_id(datetime.now(UTC))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass
class _FileState:
    offset: int = 0
    line: int = 1
    inode: int = 0
    finished: bool = False
    converted: bool = False
    """Its line ends were found converted to CRLF (reported once)."""
    owner: int = -1
    """The user id that owns the file: who wrote its events, as the system says."""
    mode: int = 0
    """Its permission bits, as last read."""
    refused: bool = False
    """Not a regular file, or too large: reported once and never read."""


class JournalReader:
    """Reads every journal file of a state directory, each only from where it stopped."""

    def __init__(self, state_dir: Path) -> None:
        self.folder = journal_folder(Path(state_dir))
        self._files: dict[Path, _FileState] = {}
        self._unchecked: list[Found] = []
        """Read by `peek` and not yet checked by `poll`."""

    def signature(self) -> tuple[tuple[str, int, int], ...]:
        """A cheap summary (names, sizes, mtimes) that changes when anything is appended."""
        try:
            entries = list(os.scandir(self.folder))
        except FileNotFoundError:
            return ()
        found = []
        for entry in entries:
            if entry.name.endswith(".toml"):
                with contextlib.suppress(FileNotFoundError):
                    stat = entry.stat(follow_symlinks=False)
                    found.append((entry.name, stat.st_size, stat.st_mtime_ns))
        return tuple(sorted(found))

    def poll(self) -> ReadResult:
        """Read what was appended to any journal file since the last poll, and check it."""
        self._read(self._unchecked)
        found, self._unchecked = self._unchecked, []
        return check(found, {path: state.owner for path, state in self._files.items()})

    def peek(self) -> list[tuple[dict[str, object], Origin]]:
        """The events appended since the last poll as raw tables, not checked against the schema.

        For a first look before the schema is loaded (it loads no pydantic); the
        next `poll` checks these same tables and returns them, with any damage.
        """
        self._read(self._unchecked)
        return [
            (found.data, Origin(found.path, found.line, self._files[found.path].owner))
            for found in self._unchecked
            if isinstance(found, Table)
        ]

    def files(self) -> dict[Path, tuple[int, int]]:
        """Every journal file read so far: its owner's user id and its mode."""
        files = self._files.items()
        return {path: (state.owner, state.mode) for path, state in files if state.inode}

    def _read(self, found: list[Found]) -> None:
        try:
            names = sorted(e.name for e in os.scandir(self.folder) if e.name.endswith(".toml"))
        except FileNotFoundError:
            return
        for name in names:
            self._read_file(self.folder / name, found)

    def _read_file(self, path: Path, found: list[Found]) -> None:
        state = self._files.setdefault(path, _FileState())
        if state.refused:
            return
        try:
            with os.fdopen(open_regular(path), "rb") as handle:
                stat = os.fstat(handle.fileno())
                if (state.inode and stat.st_ino != state.inode) or stat.st_size < state.offset:
                    state = self._files[path] = _FileState()  # replaced: read it again
                state.inode, state.owner, state.mode = stat.st_ino, stat.st_uid, stat.st_mode
                if stat.st_size == state.offset or state.finished:
                    return
                if stat.st_size > MAX_FILE_BYTES:
                    self._refuse(path, state, found, _("larger than 64 MiB: not read"))
                    return
                # Ask before reading: if the writer was gone already, nothing more will
                # come and an incomplete tail is damage; if it was alive, the tail may
                # be an event it is writing right now, read at the next poll.
                alive = _writer_alive(handle.fileno())
                stat = os.fstat(handle.fileno())
                handle.seek(state.offset)
                data = handle.read(min(stat.st_size, MAX_FILE_BYTES) - state.offset)
                if b"\r\n" in data:
                    told, state.converted = state.converted, True
                    consumed, lines = parse_converted(path, data, state.line, found, told)
                else:
                    consumed, lines = parse(path, data, state.line, found)
                if consumed < len(data) and not alive:
                    found.append(
                        Damage(
                            path,
                            state.line + lines,
                            _(
                                "incomplete event at the end of the file "
                                "(its writer stopped in the middle of writing it)"
                            ),
                        )
                    )
                    consumed, lines, state.finished = len(data), data.count(b"\n"), True
                state.offset += consumed
                state.line += lines
        except NotRegular as error:
            self._refuse(path, state, found, _("{what}: not read").format(what=error.what))
        except OSError as error:
            found.append(
                Damage(
                    path, 0, _("cannot be read: {reason}").format(reason=error.strerror or error)
                )
            )
            state.finished = True

    @staticmethod
    def _refuse(path: Path, state: _FileState, found: list[Found], reason: str) -> None:
        """Report once a file in the journal folder that is not read, and never open it again."""
        state.refused = True
        found.append(Damage(path, 0, reason))


def _writer_alive(fd: int) -> bool:
    """Whether some process still holds the writer's lock on this journal file."""
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    fcntl.flock(fd, fcntl.LOCK_UN)
    return False
