"""A second, independent plan end to end: a French-speaking CPAS run through real `drp` processes.

`tests/fixtures/cpas.toml` has another organisation's shape: two sites, one of
them a nursing home, scenarios `relocalisation` (96 h), `sur-place` (36 h) and
`cyber` (24 h), ids much longer than the shipped plan's, and an internet
provider whose SLA counts Sunday hours too. Code that assumes the shipped
plan's ids, hours, language or size fails here. Every command runs as its own
process on a private copy of the plan and a state directory of its own.

The incident is declared on Saturday 28 March 2026 at 12:00 CET, the day before
the clocks go forward, so every target and due time also crosses a DST change.
Asserting on drp's own words is kept to a minimum: the plan asks for French,
which drp may speak one day; the ids, the times and the plan's texts stay.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, Result, run_drp_process

CPAS_PLAN = ROOT / "tests" / "fixtures" / "cpas.toml"
NOW = "2026-03-28T14:00"
"""The moment every status and report is taken at: T+2:00."""
CHECKED_ON = "2026-12-02T10:00"
"""A day within 12 months of the plan's last approval (2026-06-25)."""

STEPS = [
    "alerte-reception-sinistre",
    "rassemblement-cellule-de-crise",
    "reunion-cellule-de-crise",
    "evaluation-des-degats",
    "decision-du-scenario",
]
CYBER_PRIORITIES = [
    "cy-prio-soins-residents-sur-papier",
    "cy-prio-repas-a-domicile",
    "cy-prio-aide-sociale-urgente",
    "cy-prio-accueil-telephone",
    "cy-prio-paiements-revenu-integration",
]
CYBER_TASKS = [
    *CYBER_PRIORITIES,
    "cy-tech-isolement-reseau",
    "cy-tech-conservation-traces",
    "cy-tech-assistance-ccb",
    "cy-tech-restauration",
    "cy-tech-reinitialisation-comptes",
    "cy-tech-reconnexion-bcss",
    "cy-org-consignes-personnel",
    "cy-org-dpo-evaluation-violation",
    "cy-org-plainte-police",
    "cy-org-assureur-police-cyber",
    "cy-org-message-site-internet",
]
COMPONENT = "fibre-mosanet-administration"
BACKUP = "copie-hors-ligne-coffre-fort"
SYSADMIN = "sebastien-gillard-lambotte"
NIGHT_NURSE = "benoit-lemaire-infirmier-chef"
TICKET_REF = "MOS-INC-20260328-0042"


@dataclass(frozen=True)
class Incident:
    """The CPAS's cyber attack as recorded by the module's `drp` processes."""

    plan: Path
    state: Path
    ticket: str

    def drp(self, *args: str, state: bool = True) -> Result:
        """Run `drp` on this plan (and state directory), in the plan's own language."""
        where = ["--plan", str(self.plan)] + (["--state", str(self.state)] if state else [])
        return run_drp_process(*args, *where, env={"DRP_LANG": ""})

    def ok(self, *args: str, state: bool = True) -> str:
        """Run `drp` and return its output, failing on any other exit status than 0."""
        result = self.drp(*args, state=state)
        assert result.status == 0, (args, result.err)
        assert "Traceback" not in result.err
        return result.out

    def json(self, *args: str) -> dict[str, Any]:
        """Run `drp` and parse its JSON output."""
        data: dict[str, Any] = json.loads(self.ok(*args))
        return data


def private_plan(folder: Path) -> Path:
    """A copy of the CPAS plan readable by its owner only, as a real plan must be."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cpas.toml"
    path.write_text(CPAS_PLAN.read_text("utf-8"), encoding="utf-8")
    path.chmod(0o600)
    return path


def fresh(folder: Path) -> Incident:
    """No incident yet: the plan and an empty state directory."""
    return Incident(private_plan(folder), folder / "state", ticket="")


@pytest.fixture(scope="module")
def cyber(tmp_path_factory: pytest.TempPathFactory) -> Incident:
    """Ransomware at the CPAS: declared, staff called, met, assessed, `cyber` decided, acted on."""
    blank = fresh(tmp_path_factory.mktemp("cpas"))
    blank.ok("declare", "--summary", "Rançongiciel : serveurs chiffrés", "--at", "2026-03-28T12:00")
    blank.ok("contact", "jean-francois-delvaux", "reached", "--at", "2026-03-28T12:05")
    blank.ok("contact", NIGHT_NURSE, "no-answer", "--at", "2026-03-28T12:06")
    blank.ok("meeting", "--note", "salle polyvalente, 8 présents", "--at", "2026-03-28T12:40")
    blank.ok("assess", "serveurs et postes chiffrés, bâtiments intacts", "--at", "2026-03-28T12:50")
    blank.ok("decide", "cyber", "--note", "attaque confirmée", "--at", "2026-03-28T13:00")
    opened = blank.ok(
        "ticket", "open", "mosanet-fibre", "--ref", TICKET_REF, "--at", "2026-03-28T13:10"
    )
    ticket = ticket_id("mosanet-fibre", opened)
    blank.ok(
        "component", COMPONENT, "down", "--note", "fibre débranchée", "--at", "2026-03-28T13:15"
    )
    blank.ok("task", "cy-tech-restauration", "doing", "--at", "2026-03-28T13:20")
    blank.ok("assign", "cy-tech-restauration", SYSADMIN, "--at", "2026-03-28T13:21")
    blank.ok(
        "restore", BACKUP, "running", "--point", "2026-03-25T16:00", "--at", "2026-03-28T13:30"
    )
    return Incident(blank.plan, blank.state, ticket)


@pytest.fixture(scope="module")
def status(cyber: Incident) -> dict[str, Any]:
    """`drp status --json` on the cyber attack at T+2:00."""
    return cyber.json("status", "--json", "--now", NOW)


def ticket_id(provider: str, confirmation: str) -> str:
    """The ticket id that `drp ticket open` confirms: the provider's id and four characters."""
    match = re.search(rf"(?<![\w-]){re.escape(provider)}-[0-9A-Z]{{4}}(?![\w-])", confirmation)
    assert match, confirmation
    return match.group(0)


def whole(word: str, text: str) -> bool:
    """Whether `word` appears in `text` as a whole id, not as part of a longer one."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def cut_ids(ids: Iterable[str], text: str) -> list[str]:
    """Words of `text` ending in '…' that are the start of an id (from its first '-' on)."""
    stems = [word.rstrip("…") for word in text.split() if word.endswith("…")]
    return [stem for stem in stems if "-" in stem and any(i.startswith(stem) for i in ids)]


# --- the plan itself ---------------------------------------------------------------------


def test_check_finds_the_plan_valid_and_ready(tmp_path: Path) -> None:
    plan = private_plan(tmp_path)
    result = run_drp_process("check", "--plan", str(plan), "--now", CHECKED_ON)
    assert result.status == 0, result.out + result.err
    data = json.loads(
        run_drp_process("check", "--plan", str(plan), "--json", "--now", CHECKED_ON).out
    )
    assert (data["valid"], data["ready"], data["score"]) == (True, True, 100)
    assert data["errors"] == [] and data["findings"] == []


def test_check_as_checked_out_finds_only_the_file_mode(tmp_path: Path) -> None:
    """Git stores the fixture readable by all: the one finding a checkout cannot avoid."""
    plan = private_plan(tmp_path)
    plan.chmod(0o644)
    result = run_drp_process("check", "--plan", str(plan), "--json", "--now", CHECKED_ON)
    assert result.status == 1
    data = json.loads(result.out)
    assert data["valid"] is True and data["errors"] == []
    assert [f["check"] for f in data["findings"]] == ["permissions"]


# --- the cyber attack ---------------------------------------------------------------------


def test_status_json_shows_the_scenario_its_24h_target_and_deadlines(
    status: dict[str, Any],
) -> None:
    data = status
    incident = data["incident"]
    assert incident["declared_at"] == "2026-03-28T12:00:00+01:00"
    assert incident["summary"] == "Rançongiciel : serveurs chiffrés"
    assert incident["scenario"] == "cyber"
    # 24 real hours across the change to summer time: 12:00 CET is 13:00 CEST.
    assert incident["target_at"] == "2026-03-29T13:00:00+02:00"
    assert incident["remaining_seconds"] == 22 * 3600
    assert data["targets"] == {
        "relocalisation": "2026-04-01T13:00:00+02:00",
        "sur-place": "2026-03-30T01:00:00+02:00",
        "cyber": "2026-03-29T13:00:00+02:00",
    }
    assert [(d["id"], d["due_at"], d["overdue"]) for d in data["deadlines"]] == [
        ("alerte-precoce-ccb-24h", "2026-03-29T13:00:00+02:00", False),
        ("notification-apd-violation-rgpd", "2026-03-31T13:00:00+02:00", False),
    ]


def test_status_json_lists_the_steps_then_only_the_cyber_tasks(status: dict[str, Any]) -> None:
    tasks = status["tasks"]
    assert [t["id"] for t in tasks] == STEPS + CYBER_TASKS
    by_id = {t["id"]: t for t in tasks}
    restore = by_id["cy-tech-restauration"]
    assert (restore["status"], restore["owner"], restore["assignee"]) == (
        "doing",
        "cellule-informatique",
        SYSADMIN,
    )
    assert restore["due_at"] == "2026-03-29T07:00:00+02:00"  # 18 h after the declaration
    # Half an hour, a due time the shipped plan never uses, and late at T+2:00.
    assert by_id["alerte-reception-sinistre"]["due_at"] == "2026-03-28T12:30:00+01:00"
    assert by_id["cy-tech-isolement-reseau"]["overdue"] is True
    assert by_id["cy-prio-paiements-revenu-integration"]["overdue"] is False


def test_status_json_has_the_ticket_with_its_sunday_sla(
    cyber: Incident, status: dict[str, Any]
) -> None:
    [ticket] = status["tickets"]
    assert ticket["id"] == cyber.ticket
    assert cyber.ticket.startswith("mosanet-fibre-")
    assert (ticket["provider"], ticket["ref"]) == ("mosanet-fibre", TICKET_REF)
    assert ticket["opened_at"] == "2026-03-28T13:10:00+01:00"
    # 8 business hours: 4:50 on Saturday until 18:00, then 3:10 from Sunday's 09:00.
    # Without the Sunday window it would be due on Monday at 10:10.
    assert ticket["due_at"] == "2026-03-29T12:10:00+02:00"
    assert (ticket["closed_at"], ticket["overdue"]) == (None, False)


def test_status_json_has_components_contacts_and_restores(status: dict[str, Any]) -> None:
    data = status
    statuses = {c["id"]: c["status"] for c in data["components"]}
    assert statuses[COMPONENT] == "down"
    assert statuses["serveur-dossier-soins-residents"] == "unknown"
    assert len(statuses) == 15
    contacts = {c["id"]: c["status"] for c in data["contacts"]}
    assert contacts["jean-francois-delvaux"] == "reached"
    assert contacts[NIGHT_NURSE] == "no-answer"
    assert contacts["geraldine-hanquet"] == "pending"  # a plan holder, not on the crisis staff
    assert len(contacts) == 11
    assert [(r["system"], r["status"]) for r in data["restores"]] == [(BACKUP, "running")]
    assert data["timeline_count"] == 11


def test_status_text_shows_every_long_id_in_full(cyber: Incident) -> None:
    out = cyber.ok("status", "--now", NOW)
    assert "CPAS de Florval" in out
    assert "Attaque informatique (rançongiciel)" in out
    assert whole("cyber", out)
    assert "dimanche 29 mars 2026 à 13:00 CEST" in out  # the 24 h target, in the plan's French
    ids = [*STEPS, *CYBER_TASKS, cyber.ticket, "mosanet-fibre", COMPONENT]
    assert [i for i in ids if not whole(i, out)] == []
    assert cut_ids(ids, out) == []
    [ticket_line] = [line for line in out.splitlines() if cyber.ticket in line]
    assert whole("mosanet-fibre", ticket_line)
    assert "dimanche 29 mars 2026 à 12:10 CEST" in ticket_line  # the SLA's due time
    assert "Notification de la violation" in out  # the GDPR deadline, by its French name


def test_status_report_as_text(cyber: Incident) -> None:
    out = cyber.ok("report", "--format", "txt", "--now", NOW)
    assert out.startswith("STRICTEMENT CONFIDENTIEL")
    assert "CPAS de Florval" in out
    for text in (cyber.ticket, "Mosanet SA", TICKET_REF, COMPONENT, "cy-tech-isolement-reseau"):
        assert whole(text, out), text
    flat = " ".join(out.split())  # lists and paragraphs wrap at 72 columns
    assert "Soins aux résidents sur papier (traitements, transmissions)" in flat
    ids = [*STEPS, *CYBER_TASKS, cyber.ticket, COMPONENT]
    assert cut_ids(ids, out) == []
    assert max(len(line) for line in out.splitlines()) <= 72


def test_status_report_as_json_keeps_the_status_contract(
    cyber: Incident, status: dict[str, Any]
) -> None:
    report = cyber.json("report", "--format", "json", "--now", NOW)
    assert (report["report"]["kind"], report["report"]["audience"]) == ("status", "board")
    for key in ("incident", "targets", "deadlines", "tasks", "tickets", "components"):
        assert report[key] == status[key], key
    assert [t["id"] for t in report["in_progress"]] == ["cy-tech-restauration"]
    assert set(report["needs"]["overdue"]) == {  # the alert step: done by the declaration
        "cy-prio-soins-residents-sur-papier",
        "cy-tech-isolement-reseau",
        "cy-org-consignes-personnel",
    }
    assert [(p["order"], p["id"]) for p in report["priorities"]] == list(
        enumerate(CYBER_PRIORITIES, start=1)
    )
    kinds = [e["kind"] for e in report["done_since"]]
    assert "ticket-opened" in kinds and "component" in kinds


def test_public_report_gives_the_organisations_own_phone(cyber: Incident) -> None:
    report = cyber.json("report", "--audience", "public", "--format", "json", "--now", NOW)
    assert report["organisation"] == {
        "name": "CPAS de Florval",
        "phone": "+32 81 55 20 00",
        "website": "www.cpas-florval.be",
    }
    assert report["incident"]["scenario"] == "cyber"
    assert [s["title"] for s in report["services"]] == [
        "Soins aux résidents sur papier (traitements, transmissions)",
        "Repas à domicile avec les listes de tournée papier",
        "Aide sociale urgente sur papier",
        "Accueil et téléphone (le centrex est hébergé et reste disponible)",
        "Paiements du revenu d'intégration",
    ]
    assert report["fallback_sites"] == []
    text = cyber.ok("report", "--audience", "public", "--format", "txt", "--now", NOW)
    assert "+32 81 55 20 00" in text
    assert "Sébastien" not in text and "+32 475" not in text  # no person, no other number


def test_binder_in_markdown_carries_the_french_plan(cyber: Incident) -> None:
    out = cyber.ok("binder", "--format", "md", state=False)
    for text in (
        "**STRICTEMENT CONFIDENTIEL**",
        "CPAS de Florval",
        "la maison de repos ne ferme jamais",
        "Relocalisation de l'administration au site de repli",
        "Poursuite des services dans les bâtiments du CPAS",
        "Attaque informatique (rançongiciel) : restauration des systèmes sur place",
        "Notification de la violation de données à l'Autorité de protection des données (APD)",
        "Information de l'AVIQ (interruption grave ou évacuation)",
        "Centre culturel de Florval, salle des Tanneurs",
        "| 09:00-17:00 |",  # the fibre SLA's Sunday window
        "Conseil de l'action sociale",
        "+32 81 55 20 00",
    ):
        assert text in out, text


# --- the other scenarios and the shipped plan's ids -------------------------------------------


@pytest.mark.parametrize(
    ("scenario", "target_at", "deadlines"),
    [
        ("relocalisation", "2026-04-01T13:00:00+02:00", ["information-aviq-maison-de-repos"]),
        ("sur-place", "2026-03-30T01:00:00+02:00", []),
    ],
)
def test_the_other_scenarios_bring_their_own_targets(
    tmp_path: Path, scenario: str, target_at: str, deadlines: list[str]
) -> None:
    incident = fresh(tmp_path)
    incident.ok("declare", "--at", "2026-03-28T12:00")
    incident.ok("decide", scenario, "--at", "2026-03-28T13:00")
    data = incident.json("status", "--json", "--now", NOW)
    assert (data["incident"]["scenario"], data["incident"]["target_at"]) == (scenario, target_at)
    assert [d["id"] for d in data["deadlines"]] == deadlines
    prefix = {"relocalisation": "re-", "sur-place": "sp-"}[scenario]
    assert [t["id"] for t in data["tasks"]][: len(STEPS)] == STEPS
    assert all(t["id"].startswith(prefix) for t in data["tasks"][len(STEPS) :])


def test_relocalisation_names_its_fallback_site_and_a_ticket_closes(tmp_path: Path) -> None:
    incident = fresh(tmp_path)
    incident.ok("declare", "--at", "2026-03-28T12:00")
    incident.ok("decide", "relocalisation", "--at", "2026-03-28T13:00")
    opened = incident.ok("ticket", "open", "mosanet-4g-secours", "--at", "2026-03-28T13:10")
    ticket = ticket_id("mosanet-4g-secours", opened)
    incident.ok("ticket", "close", ticket, "--at", "2026-03-28T13:50")
    [entry] = incident.json("status", "--json", "--now", NOW)["tickets"]
    assert (entry["provider"], entry["closed_at"]) == (
        "mosanet-4g-secours",
        "2026-03-28T13:50:00+01:00",
    )
    public = incident.json("report", "--audience", "public", "--format", "json", "--now", NOW)
    assert [site["name"] for site in public["fallback_sites"]] == [
        "Centre culturel de Florval, salle des Tanneurs",
        "École communale des Prés, réfectoire",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # In the plan's French: the id asked for, and the one meant, are what every language says.
        (("decide", "C"), "'C'"),
        (("ticket", "open", "wan"), "'wan'"),
        (("component", "wan1", "down"), "'wan1'"),
        (("restore", "main", "running"), "'main'"),
        (("contact", "pieter-vandenbroeck", "reached"), "'pieter-vandenbroeck'"),
        (("ticket", "open", "mosanet"), "'mosanet-fibre'"),
        (("decide", "sur_place"), "'sur-place'"),
    ],
)
def test_the_shipped_plans_ids_mean_nothing_here(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    incident = fresh(tmp_path)
    incident.ok("declare", "--at", "2026-03-28T12:00")
    result = incident.drp(*args)
    assert result.status == 2
    assert message in result.err
    assert "Traceback" not in result.err
