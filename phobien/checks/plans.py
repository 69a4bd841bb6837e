"""Plans: their issuer, legal basis, topics, sections and the agencies of every task."""

from __future__ import annotations

from phobien.core.diagnostics import Diagnostics
from phobien.load.lookup import Index, References
from phobien.load.tree import Content


def check_plans(content: Content, refs: References, diags: Diagnostics) -> None:
    for plan in content.plans.values():
        refs.agencies.check(diags, content.pos(plan, "issuer"), plan.issuer)
        for i, ref in enumerate(plan.legal_basis):
            refs.legal(diags, content.pos(plan, "legal_basis", i), ref)
        for i, tid in enumerate(plan.topics):
            refs.topics.check(diags, content.pos(plan, "topics", i), tid)
        sections = Index("section", [s.id for s in plan.sections], "this plan's 'sections'")
        for t, task in enumerate(plan.tasks):
            if task.section is not None:
                sections.check(diags, content.pos(plan, "tasks", t, "section"), task.section)
            for role in ("lead", "partners"):
                for a, assignment in enumerate(getattr(task, role)):
                    refs.agencies.check(diags, content.pos(plan, "tasks", t, role, a), assignment.agency)
        for r, duty in enumerate(plan.reporting):
            for role in ("by", "to"):
                for a, aid in enumerate(getattr(duty, role)):
                    refs.agencies.check(diags, content.pos(plan, "reporting", r, role, a), aid)
