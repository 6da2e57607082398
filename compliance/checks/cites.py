from __future__ import annotations

from ..findings import Bilingual
from ..patterns import absent, fact
from ..text import fold_doc_no
from . import register
from .base import Defaults, Params, RuleType, fired


class CitesParams(Params):
    doc_no: str | None = None


@register
class Cites(RuleType):
    """The plan cites the superior's notice by its number.

    What it checks
        One of the plan's `cites` equals `doc_no` (by default the superior's own `doc_no`).
        Spaces and punctuation are ignored, and the brackets 〔〕, ［］, [] and () are one form.

        The finding points at the `cites:` key (the document's first line when there is none).

    Why it matters
        A plan says which notice it implements (根据《…》（…〔2024〕12号）). A plan that cites no
        number, or last year's, cannot be traced to the requirements it answers.

    Failing example
        requirements: [{id: LC-CITE, type: cites, doc_no: 泉鲤安办〔2024〕12号}]
        plan:         cites: [泉鲤安办〔2023〕9号]

    Passing example
        plan:         cites: [泉鲤安办［2024］12号]

    How to fix
        Add the superior notice's number to `cites:`.
    """

    type = "cites"
    Params = CitesParams

    def bind(self, requirement, defaults: Defaults):
        if requirement.doc_no:
            return requirement
        if not defaults.doc_no:
            raise ValueError("a cites rule needs `doc_no:`, and the superior has no doc_no")
        return requirement.model_copy(update={"doc_no": defaults.doc_no})

    def conditions(self, requirement, as_of):
        return {"uncited": absent(fact("cite", no=fold_doc_no(requirement.doc_no)))}

    def observe(self, requirement, subject):
        wanted = fold_doc_no(requirement.doc_no)
        cited = any(fold_doc_no(number) == wanted for number in subject.plan.cites)
        return {"uncited": [] if cited else [-1]}

    def conclude(self, requirement, subject, observed):
        if not fired(observed, "uncited"):
            return []
        number = requirement.doc_no
        return [
            self.finding(
                requirement,
                subject,
                "/cites",
                Bilingual(f"方案未引用上级通知文号 {number}", f"The plan does not cite the superior notice {number}"),
                Bilingual(f"在 cites 中加入 {number}", f"Add {number} to cites"),
            )
        ]
