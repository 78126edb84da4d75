"""The ICT configuration and the backup scheme: seed section 9.

Everything that can break has an id (hosts, servers, firewalls, switches,
wireless links, WAN connections, VPNs, cloud applications) so the journal can
record its status; counts and descriptions stay plain values.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from console.i18n import _
from console.plan.fields import Id, Ref, Section, Text


class Component(Section):
    """A piece of infrastructure that can be up, degraded or down."""

    id: Id
    """Stable id, such as "fw1"."""
    name: Text
    """What it is called."""
    site: Ref | None = None
    """The `[[sites]]` id where it stands, if it stands anywhere."""
    notes: str = ""
    """Anything else worth knowing."""


class Guests(Section):
    """The virtual machines, by kind."""

    windows_servers: int = Field(default=0, ge=0)
    """How many Windows servers."""
    linux_servers: int = Field(default=0, ge=0)
    """How many Linux servers."""
    admin_workstations: int = Field(default=0, ge=0)
    """How many virtual administrative workstations."""


class Clients(Section):
    """The client configuration."""

    rds: bool = False
    """Whether users work through Windows Remote Desktop Services."""
    desktops: int = Field(default=0, ge=0)
    """How many desktops."""
    laptops: int = Field(default=0, ge=0)
    """How many laptops."""
    laptop_os: str = ""
    """The laptops' operating system."""
    thin_clients: int = Field(default=0, ge=0)
    """How many thin clients."""
    office: str = ""
    """The office suite and its version."""


class Firewall(Component):
    """A firewall."""

    provider: Ref | None = None
    """The `[[providers]]` id that supports it."""


class Switch(Component):
    """A group of network switches."""

    managed: bool = True
    """Whether the switches are managed."""
    count: int = Field(default=1, ge=1)
    """How many there are."""


class Vlan(Section):
    """A virtual LAN."""

    id: Id
    """Stable id, such as "voice"."""
    tag: int | None = Field(default=None, ge=1, le=4094)
    """The VLAN number; leave it out until it is known (readiness reports it)."""
    name: Text
    """What it carries, such as "IP telefonie"."""


class WirelessLink(Component):
    """A wireless link between two sites."""

    to_site: Ref
    """The `[[sites]]` id at the other end (`site` is this end)."""
    security: str = ""
    """The encryption, such as "WPA2 - Personal (AES)"."""


class Wan(Component):
    """An internet or KSZ connection."""

    provider: Ref
    """The `[[providers]]` id that delivers it."""
    subscription: str = ""
    """The subscription's name."""
    down_mbps: float | None = Field(default=None, gt=0)
    """Download speed in Mbps; leave it out until it is known (readiness reports it)."""
    up_mbps: float | None = Field(default=None, gt=0)
    """Upload speed in Mbps; leave it out until it is known (readiness reports it)."""
    assigned_ips: int = Field(default=0, ge=0)
    """How many public IP addresses are assigned (for VPN end users)."""


class Vpn(Component):
    """A VPN: remote users (teleworkers) or between sites."""

    kind: Literal["remote", "site-to-site"] = "remote"
    """Remote users, or a link between sites."""
    via: Ref | None = None
    """The firewall's id that terminates it."""


class CloudApp(Component):
    """A cloud application."""

    audience: Literal["users", "admins"] = "users"
    """For end users or for administrators."""
    provider: Ref | None = None
    """The `[[providers]]` id that licenses it."""
    contract: str = ""
    """The framework contract it is bought under."""
    services: list[Text] = []
    """What it includes, such as Exchange, Teams, SharePoint, OneDrive."""


class Ict(Section):
    """Seed section 9: the ICT configuration."""

    as_of: str = ""
    """When this description was last brought up to date, such as "Q2 2026"."""
    virtual_platform: str = ""
    """The virtualisation product."""
    hosts: list[Component] = []
    """The virtual machine hosts."""
    guests: Guests = Guests()
    """The virtual machines."""
    physical_servers: list[Component] = []
    """Physical servers, if any."""
    clients: Clients = Clients()
    """The client configuration."""
    firewalls: list[Firewall] = []
    """The firewalls."""
    switches: list[Switch] = []
    """The network switches, in groups."""
    vlans: list[Vlan] = []
    """The VLANs."""
    wireless_links: list[WirelessLink] = []
    """Wireless links between sites."""
    wan: list[Wan] = []
    """The internet and KSZ connections."""
    vpns: list[Vpn] = []
    """The VPNs."""
    cloud: list[CloudApp] = []
    """Cloud applications for end users and administrators."""

    def components(self) -> list[Component]:
        """Every component with an id, in the order of the seed."""
        return [component for group in COMPONENT_GROUPS for component in getattr(self, group)]


COMPONENT_GROUPS = (
    "hosts",
    "physical_servers",
    "firewalls",
    "switches",
    "wireless_links",
    "wan",
    "vpns",
    "cloud",
)
"""The lists of `[ict]` whose entries are components, in the order of the seed."""


GRID_MARKS = frozenset("*.-")


def _check_grid_row(row: str) -> str:
    if not 1 <= len(row) <= 7 or not set(row) <= GRID_MARKS:
        raise ValueError(
            _(
                "'{row}' is not a week of the retention grid: write 1 to 7 marks, "
                "'*' for a day with a restore point and '.' for a day without"
            ).format(row=row)
        )
    return row


GridRow = Annotated[str, AfterValidator(_check_grid_row)]


class Backup(Section):
    """Seed section 9: one backup system and its scheme."""

    id: Id
    """Stable id, used to track its restore in the journal."""
    name: Text
    """What it backs up."""
    software: str = ""
    """The backup product and where it runs."""
    type: str = ""
    """The backup scheme: full, incremental, synthetic full, offline copy."""
    schedule: str = ""
    """When it runs."""
    notify: list[Text] = []
    """Addresses that receive the results and alerts."""
    retention_days: int = Field(ge=1)
    """How many days restore points are kept."""
    retention_grid: list[GridRow] = []
    """The retention grid, a week per row: '*' a day with a restore point, '.' without."""
    medium: str = ""
    """The medium the backups are on."""
    site: Ref | None = None
    """The `[[sites]]` id where the backup infrastructure stands."""
    location: str = ""
    """Where the medium is kept, when not on a site (offsite, vault, cloud)."""
    offline: bool = False
    """Whether this copy is offline or immutable, out of reach of ransomware."""
    systems: list[Ref] = []
    """Component ids whose data it protects."""
