"""Binder section 9: the ICT configuration and the backup scheme, with its retention grid.

When the server room is gone, the restore starts from this page: what ran on
which hosts, which VLANs and WAN links to rebuild, and which backup holds a
restore point for which day. The retention grid is drawn as the seed draws
it, a week per row and a '*' for each day with a restore point.
"""

from __future__ import annotations

from collections.abc import Sequence

from console.i18n import _
from console.incident.numbers import number
from console.plan.ict import Backup, Component, Ict
from console.plan.model import Plan
from console.report.binder_common import DASH, Names, dash, joined, yes_no
from console.report.document import Block, KeyValues, Paragraph, Section, Table


def _speeds(down: float | None, up: float | None) -> str:
    """A WAN line's speeds down and up, "100 / 20", a dash for what the plan leaves out."""
    return f"{number(down) if down else DASH} / {number(up) if up else DASH}"


def _count(value: int) -> str:
    return str(value) if value else DASH


def _table_or_dash(label: str, headers: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> Block:
    """A captioned table, or the caption with a dash when there is nothing to list."""
    if not rows:
        return KeyValues(((label, DASH),))
    return Table(headers, tuple(rows), label)


def _components(label: str, first: str, items: list[Component], names: Names) -> Block:
    rows = [(item.name, names.site_name(item.site), dash(item.notes)) for item in items]
    return _table_or_dash(label, (first, _("Site"), _("Notes")), rows)


def _servers(ict: Ict, names: Names) -> Section:
    guests = ict.guests
    total = guests.windows_servers + guests.linux_servers + guests.admin_workstations
    guest_text = (
        _(
            "{total} (Windows servers {windows}, Linux servers {linux}, "
            "administrative workstations {admin})"
        ).format(
            total=total,
            windows=guests.windows_servers,
            linux=guests.linux_servers,
            admin=guests.admin_workstations,
        )
        if total
        else DASH
    )
    blocks: list[Block] = [
        KeyValues(
            (
                (_("Virtual platform"), dash(ict.virtual_platform)),
                (_("VM guests"), guest_text),
            )
        ),
        _components(_("VM hosts"), _("Host"), ict.hosts, names),
        _components(_("Physical servers"), _("Server"), ict.physical_servers, names),
    ]
    return Section("", _("Servers"), tuple(blocks))


def _clients(ict: Ict) -> Section:
    clients = ict.clients
    laptops = (
        joined([str(clients.laptops), clients.laptop_os])
        if clients.laptops
        else dash(clients.laptop_os)
    )
    items = (
        (_("Windows Remote Desktop Services"), yes_no(clients.rds)),
        (_("Desktops"), _count(clients.desktops)),
        (_("Laptops"), laptops),
        (_("Thin clients"), _count(clients.thin_clients)),
        (_("Office"), dash(clients.office)),
    )
    return Section("", _("Clients"), (KeyValues(items),))


def _network(ict: Ict, names: Names) -> Section:
    firewalls = [
        (f.name, names.site_name(f.site), names.provider_name(f.provider), dash(f.notes))
        for f in ict.firewalls
    ]
    switches = [
        (s.name, yes_no(s.managed), str(s.count), names.site_name(s.site), dash(s.notes))
        for s in ict.switches
    ]
    vlans = [(str(v.tag) if v.tag is not None else DASH, v.name) for v in ict.vlans]
    links = [
        (w.name, names.site_name(w.site), names.site_name(w.to_site), dash(w.security))
        for w in ict.wireless_links
    ]
    wans = [
        (
            w.name,
            names.provider_name(w.provider),
            dash(w.subscription),
            _speeds(w.down_mbps, w.up_mbps),
            _count(w.assigned_ips),
            names.site_name(w.site),
        )
        for w in ict.wan
    ]
    kinds = {"remote": _("Remote users (teleworkers)"), "site-to-site": _("Between sites")}
    vpns = [(v.name, kinds[v.kind], names.component_name(v.via), dash(v.notes)) for v in ict.vpns]
    blocks: list[Block] = [
        _table_or_dash(
            _("Firewalls"), (_("Firewall"), _("Site"), _("Supplier"), _("Notes")), firewalls
        ),
        _table_or_dash(
            _("Network switches"),
            (_("Switches"), _("Managed"), _("Count"), _("Site"), _("Notes")),
            switches,
        ),
        _table_or_dash(_("VLANs"), (_("VLAN"), _("Carries")), vlans),
        _table_or_dash(
            _("Wireless links between sites"),
            (_("Link"), _("From"), _("To"), _("Security")),
            links,
        ),
        _table_or_dash(
            _("WAN connections (internet / KSZ)"),
            (
                _("Connection"),
                _("Supplier"),
                _("Subscription"),
                _("Down / up (Mbps)"),
                _("Assigned IPs"),
                _("Site"),
            ),
            wans,
        ),
        _table_or_dash(_("VPNs"), (_("VPN"), _("Kind"), _("Via"), _("Notes")), vpns),
    ]
    return Section("", _("Network"), tuple(blocks))


def _cloud(ict: Ict, names: Names) -> Section:
    audiences = {"users": _("End users"), "admins": _("Administrators")}
    rows = [
        (
            app.name,
            audiences[app.audience],
            names.provider_name(app.provider),
            dash(app.contract),
            joined(app.services),
        )
        for app in ict.cloud
    ]
    headers = (_("Application"), _("For"), _("Supplier"), _("Contract"), _("Includes"))
    return Section(
        "", _("Cloud applications"), (_table_or_dash(_("Cloud applications"), headers, rows),)
    )


def retention_table(backup: Backup) -> Table | None:
    """The retention grid as the seed draws it: a week per row, '*' for a restore point."""
    if not backup.retention_grid:
        return None
    rows = []
    first = 1
    for week in backup.retention_grid:
        last = first + len(week) - 1
        label = (
            _("Day {day}").format(day=first)
            if first == last
            else _("Day {first}-{last}").format(first=first, last=last)
        )
        marks = tuple("*" if mark == "*" else "" for mark in week)
        rows.append((label, *marks, *("",) * (7 - len(week))))
        first = last + 1
    headers = ("", *(_("Day {day}").format(day=day) for day in range(1, 8)))
    caption = _("Retention: {days} days").format(days=backup.retention_days)
    return Table(headers, tuple(rows), caption)


def _backup(backup: Backup, names: Names) -> Section:
    facts = (
        (_("Software"), dash(backup.software)),
        (_("Type"), dash(backup.type)),
        (_("Schedule"), dash(backup.schedule)),
        (_("Results and alerts to"), joined(backup.notify)),
        (_("Retention"), _("{days} days").format(days=backup.retention_days)),
        (_("Medium"), dash(backup.medium)),
        (
            _("Location"),
            joined([names.site_name(backup.site) if backup.site else "", backup.location]),
        ),
        (_("Offline or immutable copy"), yes_no(backup.offline)),
        (_("Protects"), joined(names.component_name(ref) for ref in backup.systems)),
    )
    blocks: list[Block] = [KeyValues(facts)]
    grid = retention_table(backup)
    if grid is not None:
        blocks.append(grid)
    return Section("", backup.name, tuple(blocks))


def ict_section(plan: Plan, names: Names) -> Section:
    """Section 9: servers, clients, network, cloud applications and the backups."""
    ict = plan.ict
    title = (
        _("ICT configuration ({as_of})").format(as_of=ict.as_of)
        if ict.as_of
        else _("ICT configuration")
    )
    backup = Section(
        "",
        _("Backup"),
        () if plan.backups else (Paragraph(DASH),),
        subsections=tuple(_backup(item, names) for item in plan.backups),
    )
    return Section(
        "9",
        title,
        subsections=(
            _servers(ict, names),
            _clients(ict),
            _network(ict, names),
            _cloud(ict, names),
            backup,
        ),
        new_page=True,
    )
