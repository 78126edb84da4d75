"""The infrastructure as the plan describes it, in compact text sections.

When the server room is under water the sysadmin needs the plan's sections 5,
7, 9 and 11 at hand: which site has the WAN, the servers and the phone line,
the telephony, the ICT configuration with its speeds and providers, and the
SLAs with the numbers to quote to the helpdesk. The text depends on the plan
only, so it is built once, as plain text with bold headings (bold reads
without colour); every item starts with its id, the name the journal and
the command line use.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from console.i18n import _
from console.incident.numbers import number
from console.plan.fields import WEEKDAYS
from console.plan.model import Plan
from console.present.text import visible


def _join(*parts: str) -> str:
    """The non-empty parts, separated by a dot."""
    return " · ".join(part for part in parts if part)


def _section(text: Text, title: str, lines: Iterable[str]) -> None:
    """A heading in bold capitals, then an item per line, as the plan wrote it.

    An item's text is shown with `visible`; a line break in it (a description
    over several lines) goes on indented under the item, so that it cannot
    pass for an item of its own.
    """
    items = [visible(line.rstrip(), lines=True).replace("\n", "\n    ") for line in lines if line]
    if not items:
        return
    if text.plain:
        text.append("\n")
    text.append(visible(title.upper()) + "\n", style="bold")
    for line in items:
        text.append(f"  {line}\n")


def _sites(plan: Plan) -> list[str]:
    network = plan.network
    lines: list[str] = []
    for site in plan.sites:
        here = [
            label
            for label, site_id in (
                (_("WAN"), network.wan_site),
                (_("servers"), network.server_site),
                (_("phone line"), network.phone_line_site),
                (_("telephone exchange"), plan.telephony.exchange_site),
            )
            if site_id == site.id
        ]
        lines += [
            f"{site.id} {site.name}",
            _("    here: {what}").format(what=", ".join(here)) if here else "",
            f"    {site.address}" if site.address else "",
            "    "
            + _join(
                _("network: {kind}").format(kind=site.internal_network or _("none")),
                _("visitors: {kind}").format(kind=site.visitor_network or _("none")),
                _("telephony: {kind}").format(kind=site.telephony or _("none")),
            ),
            f"    {site.notes}" if site.notes else "",
        ]
    lines.extend(f"- {note}" for note in network.notes)
    return lines


def _telephony(plan: Plan) -> list[str]:
    telephony, names = plan.telephony, _provider_names(plan)
    return [
        telephony.description,
        *(
            _join(
                f"{line.id} {line.type}",
                _("{count} internal numbers").format(count=line.internal_numbers),
                names.get(line.provider or "", ""),
                line.notes,
            )
            for line in telephony.lines
        ),
    ]


def _provider_names(plan: Plan) -> dict[str, str]:
    return {provider.id: provider.name for provider in plan.providers}


def _ict(plan: Plan) -> list[str]:
    ict, names = plan.ict, _provider_names(plan)
    sites = {site.id: site.name for site in plan.sites}
    guests, clients = ict.guests, ict.clients

    def where(site: str | None) -> str:
        return f"({sites.get(site, site)})" if site else ""

    lines = [
        _("virtual platform: {what}").format(what=ict.virtual_platform)
        if ict.virtual_platform
        else "",
        *(_join(f"{h.id} {h.name} {where(h.site)}", h.notes) for h in ict.hosts),
        _join(
            _("guests: {count} Windows servers").format(count=guests.windows_servers),
            _("{count} Linux servers").format(count=guests.linux_servers),
            _("{count} admin workstations").format(count=guests.admin_workstations),
        ),
        *(_join(f"{s.id} {s.name} {where(s.site)}", s.notes) for s in ict.physical_servers),
        _join(
            _("clients: RDS") if clients.rds else _("clients:"),
            _("{count} desktops").format(count=clients.desktops),
            _("{count} laptops").format(count=clients.laptops),
            clients.laptop_os,
            _("{count} thin clients").format(count=clients.thin_clients),
            clients.office,
        ),
        *(
            _join(f"{f.id} {f.name} {where(f.site)}", names.get(f.provider or "", ""), f.notes)
            for f in ict.firewalls
        ),
        *(
            _join(
                f"{s.id} {s.count}x {s.name} {where(s.site)}",
                _("managed") if s.managed else _("unmanaged"),
                s.notes,
            )
            for s in ict.switches
        ),
        _("VLANs: {vlans}").format(
            vlans=_join(*(f"{v.tag if v.tag is not None else '?'} {v.name}" for v in ict.vlans))
        )
        if ict.vlans
        else "",
        *(
            _join(f"{w.id} {w.name}", f"{w.site or '?'} ↔ {w.to_site}", w.security, w.notes)
            for w in ict.wireless_links
        ),
        *(
            _join(
                f"{w.id} {w.name} {where(w.site)}",
                names.get(w.provider, w.provider),
                w.subscription,
                _("{down}/{up} Mbps").format(down=number(w.down_mbps), up=number(w.up_mbps))
                if w.down_mbps and w.up_mbps
                else _("speed unknown"),
                _("{count} public IPs").format(count=w.assigned_ips) if w.assigned_ips else "",
                w.notes,
            )
            for w in ict.wan
        ),
        *(
            _join(
                f"{v.id} {v.name}",
                _("site-to-site") if v.kind == "site-to-site" else _("remote users"),
                _("via {firewall}").format(firewall=v.via) if v.via else "",
                v.notes,
            )
            for v in ict.vpns
        ),
        *(
            _join(
                f"{c.id} {c.name}",
                _("for admins") if c.audience == "admins" else _("for users"),
                names.get(c.provider or "", ""),
                ", ".join(c.services),
                c.contract,
                c.notes,
            )
            for c in ict.cloud
        ),
    ]
    return lines


def _slas(plan: Plan) -> list[str]:
    names = _provider_names(plan)
    lines = []
    for sla in plan.slas:
        hours = ", ".join(
            f"{day} {' '.join(str(window) for window in sla.hours[day])}"
            for day in WEEKDAYS
            if day in sla.hours
        )
        lines.append(
            _join(
                f"{names.get(sla.provider, sla.provider)}: {sla.service}",
                _("repair within {hours} business hours").format(hours=number(sla.repair_hours)),
                hours,
                _("Belgian holidays do not count") if sla.holidays == "BE" else "",
                _("helpdesk {number}").format(number=sla.helpdesk) if sla.helpdesk else "",
                *(f"{key} {value}" for key, value in sla.customer_numbers.items()),
            )
        )
    return lines


def plan_text(plan: Plan) -> Text:
    """The sites, the telephony, the ICT configuration and the SLAs."""
    text = Text(end="")
    _section(text, _("Sites"), _sites(plan))
    _section(text, _("Telephony"), _telephony(plan))
    as_of = f" ({plan.ict.as_of})" if plan.ict.as_of else ""
    _section(text, _("ICT configuration") + as_of, _ict(plan))
    _section(text, _("Service level agreements"), _slas(plan))
    text.rstrip()
    return text
