"""The parts of `drp doctor` that read text and numbers: mountinfo, free space, colours, locale.

The mountinfo lines are in the kernel's format (proc(5)), as a host with an
NFS home, a Samba share and an sshfs mount lists them. What Textual and
Python really do is asked of them in a fresh interpreter, so the doctor's
reading of the colour system and of Python's locale coercion cannot drift
from theirs unnoticed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from console.i18n import supported
from console.setup.filesystem import (
    ERROR_BELOW,
    WARN_BELOW,
    Mount,
    filesystem_findings,
    is_network,
    mount_of,
    parse_mountinfo,
    parse_mounts,
    read_mounts,
    size_text,
    space_finding,
)
from console.setup.language import ctype_locale, python_coerced
from console.setup.terminal import colour_system
from tests.conftest import ROOT

MOUNTINFO = r"""22 27 0:21 / /proc rw,relatime - proc proc rw
24 27 0:6 / /dev rw,relatime - devtmpfs devtmpfs rw,size=12334192k,nr_inodes=3083548,mode=755
27 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw,discard
36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
61 27 0:45 / /tmp rw,nosuid,nodev shared:30 - tmpfs tmpfs rw,size=8146968k
1029 27 0:52 / /srv/crisis rw,relatime shared:520 - nfs4 fileserver.zonnedaal.be:/export/crisis rw,vers=4.2,rsize=1048576,wsize=1048576,namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys,clientaddr=10.0.0.5,local_lock=none,addr=10.0.0.2
1104 27 0:58 / /mnt/gedeeld rw,relatime shared:560 - cifs //nas.zonnedaal.local/crisis rw,vers=3.1.1,cache=strict,username=alice,uid=1000,noforceuid,gid=1000,noforcegid,addr=10.0.0.3,file_mode=0755,dir_mode=0755,soft,nounix,serverino,mapposix,rsize=4194304,wsize=4194304,bsize=1048576,echo_interval=60,actimeo=1,closetimeo=1
1187 27 0:61 / /home/alice/remote rw,nosuid,nodev,relatime shared:601 master:7 - fuse.sshfs alice@host.zonnedaal.be:/srv rw,user_id=1000,group_id=1000
1203 27 8:17 / /media/alice/USB\040stick rw,nosuid,nodev,relatime shared:612 - fuseblk /dev/sdb1 rw,user_id=0,group_id=0,default_permissions,allow_other,blksize=4096
1210 1029 0:52 /drp /srv/crisis/drp rw,relatime shared:520 - nfs4 fileserver.zonnedaal.be:/export/crisis rw,vers=4.2
"""  # noqa: E501 (real lines, as the kernel writes them)

PROC_MOUNTS = r"""/dev/vda / ext4 rw,relatime,discard 0 0
fileserver.zonnedaal.be:/export/crisis /srv/crisis nfs4 rw,relatime,vers=4.2 0 0
//nas.zonnedaal.local/crisis /mnt/gedeeld cifs rw,relatime,vers=3.1.1 0 0
"""


def test_parse_mountinfo_reads_point_type_and_source() -> None:
    mounts = parse_mountinfo(MOUNTINFO)
    assert len(mounts) == 10
    assert mounts[2] == Mount("/", "ext4", "/dev/vda")
    assert mounts[3] == Mount("/mnt2", "ext3", "/dev/root")  # the kernel's own example
    assert mounts[5] == Mount("/srv/crisis", "nfs4", "fileserver.zonnedaal.be:/export/crisis")
    assert mounts[6] == Mount("/mnt/gedeeld", "cifs", "//nas.zonnedaal.local/crisis")
    assert mounts[7] == Mount("/home/alice/remote", "fuse.sshfs", "alice@host.zonnedaal.be:/srv")
    assert mounts[8].mount_point == "/media/alice/USB stick"  # \040 is a space


def test_parse_mountinfo_skips_lines_of_another_shape() -> None:
    text = "garbage\n\n27 1 254:0 / / rw - ext4 /dev/vda rw\n1 2 3 4 5 6 no separator\n"
    assert parse_mountinfo(text) == [Mount("/", "ext4", "/dev/vda")]


def test_parse_proc_mounts() -> None:
    assert [m.fstype for m in parse_mounts(PROC_MOUNTS)] == ["ext4", "nfs4", "cifs"]
    assert parse_mounts(PROC_MOUNTS)[1].mount_point == "/srv/crisis"


@pytest.mark.parametrize(
    ("path", "fstype", "point"),
    [
        ("/", "ext4", "/"),
        ("/srv/crisis/drp-state", "nfs4", "/srv/crisis"),
        ("/srv/crisis", "nfs4", "/srv/crisis"),
        ("/srv/crisis-local/drp-state", "ext4", "/"),  # a sibling that only shares a prefix
        ("/srv/crisis/drp/drp-state", "nfs4", "/srv/crisis/drp"),  # the deeper mount
        ("/mnt/gedeeld/drp-state", "cifs", "/mnt/gedeeld"),
        ("/home/alice/remote/x", "fuse.sshfs", "/home/alice/remote"),
        ("/media/alice/USB stick/drp-state", "fuseblk", "/media/alice/USB stick"),
        ("/tmp/pytest/drp-state", "tmpfs", "/tmp"),
    ],
)
def test_mount_of_takes_the_longest_mount_point_above(path: str, fstype: str, point: str) -> None:
    mount = mount_of(path, parse_mountinfo(MOUNTINFO))
    assert mount is not None
    assert (mount.fstype, mount.mount_point) == (fstype, point)


def test_a_later_mount_on_the_same_point_is_the_one_seen() -> None:
    mounts = parse_mountinfo(
        "27 1 254:0 / / rw - ext4 /dev/vda rw\n"
        "40 27 0:30 / /srv rw - ext4 /dev/vdb rw\n"
        "41 40 0:31 / /srv rw - nfs server:/srv rw\n"
    )
    found = mount_of("/srv/drp-state", mounts)
    assert found is not None and found.fstype == "nfs"


@pytest.mark.parametrize(
    "fstype",
    ["nfs", "nfs4", "cifs", "smb3", "fuse.sshfs", "fuse.rclone", "fuse", "9p", "ceph", "vboxsf"],
)
def test_network_and_fuse_filesystems(fstype: str) -> None:
    assert is_network(fstype)


@pytest.mark.parametrize("fstype", ["ext4", "xfs", "btrfs", "zfs", "tmpfs", "overlay", "fuseblk"])
def test_local_filesystems(fstype: str) -> None:
    assert not is_network(fstype)


def test_a_state_directory_on_nfs_is_a_warning(tmp_path: Path) -> None:
    point = str(tmp_path).replace(" ", "\\040")
    mounts = parse_mountinfo(
        MOUNTINFO + f"1300 27 0:70 / {point} rw,relatime - nfs4 fileserver:/export rw,vers=4.2\n"
    )
    (finding,) = filesystem_findings(tmp_path / "drp-state", mounts)
    assert finding.level == "warning"
    assert "is on nfs4 (fileserver:/export, mounted at" in finding.message
    assert "flock cannot be trusted" in finding.message
    assert "drp merge" in finding.advice


def test_this_machine_lists_its_mounts_and_the_temporary_folder_is_local(tmp_path: Path) -> None:
    mounts = read_mounts()
    if mounts is None:
        pytest.skip("this system has no /proc/self/mountinfo")
    mount = mount_of(os.path.realpath(tmp_path), mounts)
    assert mount is not None
    assert not is_network(mount.fstype)
    (finding,) = filesystem_findings(tmp_path, mounts)
    assert finding.level == "ok"
    assert f"is on {mount.fstype}, a local filesystem" in finding.message


@pytest.mark.parametrize(
    ("free", "files", "level"),
    [
        (80 * 10**9, 10**6, "ok"),
        (WARN_BELOW, 10**6, "ok"),
        (WARN_BELOW - 1, 10**6, "warning"),
        (ERROR_BELOW, 10**6, "warning"),
        (ERROR_BELOW - 1, 10**6, "error"),
        (0, 10**6, "error"),
        (80 * 10**9, 0, "error"),  # room, but no inode left for a new journal file
        (80 * 10**9, None, "ok"),  # a filesystem that does not count inodes
    ],
)
def test_free_space_levels(free: int, files: int | None, level: str) -> None:
    finding = space_finding(Path("/srv/drp-state"), free, files)
    assert finding.check == "disk-space"
    assert finding.level == level
    if files != 0:
        assert finding.message.startswith(f"{size_text(free)} free for /srv/drp-state")
        assert "(warning below 100 MB, error below 5 MB)" in finding.message
    assert bool(finding.advice) == (level != "ok")


@pytest.mark.parametrize(
    ("size", "text"),
    [
        (0, "0 B"),
        (999, "999 B"),
        (1_048_576, "1.0 MB"),
        (5_000_000, "5 MB"),
        (52_428_800, "52.4 MB"),
        (100_000_000, "100 MB"),
        (83_700_000_000, "83.7 GB"),
    ],
)
def test_size_text(size: int, text: str) -> None:
    assert size_text(size) == text


ENVIRONMENTS = [
    {"TERM": "xterm-256color"},
    {"TERM": "xterm-256color", "COLORTERM": "truecolor"},
    {"TERM": "screen", "COLORTERM": "24bit"},
    {"TERM": "xterm"},
    {"TERM": "linux"},
    {"TERM": "xterm-kitty"},
    {"TERM": "rxvt-16color"},
    {"TERM": "dumb"},
    {"TERM": "dumb", "COLORTERM": "truecolor"},
    {"TERM": "unknown"},
    {},
]


def test_the_colour_system_is_the_one_textual_picks() -> None:
    code = (
        "import json, os, sys\n"
        "from textual.app import App\n"
        "answers = []\n"
        "for env in json.loads(sys.argv[1]):\n"
        "    for name in ('TERM', 'COLORTERM'):\n"
        "        os.environ.pop(name, None)\n"
        "    os.environ.update(env)\n"
        "    answers.append(App().console.color_system)\n"
        "print(json.dumps(answers))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("TEXTUAL_COLOR_SYSTEM", "NO_COLOR")}
    completed = subprocess.run(
        [sys.executable, "-c", code, json.dumps(ENVIRONMENTS)],
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    textual = json.loads(completed.stdout)
    ours = [colour_system(env)[0] for env in ENVIRONMENTS]
    assert ours == [answer or "none" for answer in textual]


def test_python_replaces_a_c_locale_as_the_doctor_expects() -> None:
    """PEP 538 and 540: with LANG=C, Python writes LC_CTYPE=C.UTF-8 and turns on UTF-8 mode."""
    code = "import json, os, sys; print(json.dumps([dict(os.environ), sys.flags.utf8_mode]))"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "PYTHONU"))}
    for lang, coerced in (("C", True), ("C.UTF-8", False)):
        completed = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env={**clean, "LANG": lang},
            check=True,
        )
        environ, utf8_mode = json.loads(completed.stdout)
        assert python_coerced(environ, utf8_mode) is coerced
        assert ctype_locale(environ, python_coerced(environ, utf8_mode)) == ("LANG", lang)


def test_a_lc_ctype_of_the_users_own_is_read() -> None:
    environ = {"LANG": "C.UTF-8", "LC_CTYPE": "nl_BE.ISO-8859-1"}
    assert not python_coerced(environ, 0)
    assert ctype_locale(environ, coerced=False) == ("LC_CTYPE", "nl_BE.ISO-8859-1")
    assert ctype_locale({}, coerced=False) == (None, "C")


@pytest.mark.parametrize(
    ("name", "code"),
    [("fr", "fr"), ("fr_BE", "fr"), ("nl_BE.UTF-8", "nl"), ("en@euro", "en"), ("de", None)],
)
def test_supported_languages(name: str, code: str | None) -> None:
    assert supported(name) == code
