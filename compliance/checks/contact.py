from __future__ import annotations

from ..facts import is_valid_phone
from ..findings import Bilingual
from ..patterns import absent, fact
from ..vocab import ContactRole
from . import register
from .base import Params, RuleType, fired


class ContactParams(Params):
    role: ContactRole = ContactRole.LIAISON
    require_phone: bool = True


@register
class Contact(RuleType):
    """The plan names a contact with a role (a liaison), reachable by phone.

    What it checks
        `contacts:` has an entry with `role` (default `liaison`). Unless `require_phone: false`,
        at least one such contact has a valid phone number: a mainland mobile (13812345678) or a
        landline with its area code (0763-1234567), spaces and hyphens ignored.

        The finding points at the `contacts:` key when no contact has the role; else the first such
        contact's `phone:` (its line when it has none).

    Why it matters
        The committee calls the liaison (联络员) for every deadline and every correction. A
        liaison without a working number is no liaison.

    Failing example
        requirements: [{id: YD-LIAISON, type: contact}]
        contacts:     [{name: 张丽, role: liaison, phone: 待定}]

    Passing example
        contacts:     [{name: 张丽, role: liaison, phone: 0763-2281234}]

    How to fix
        Add `{name: …, role: liaison, phone: …}` to `contacts:`, or correct the phone number.
    """

    type = "contact"
    Params = ContactParams

    def conditions(self, requirement, as_of):
        conditions = {"none": absent(fact("con", role=requirement.role.value))}
        if requirement.require_phone:
            conditions["no_phone"] = absent(fact("con", role=requirement.role.value, phone_ok=1))
        return conditions

    def observe(self, requirement, subject):
        holders = [c for c in subject.plan.contacts if c.role == requirement.role]
        observed = {"none": [] if holders else [-1]}
        if requirement.require_phone:
            observed["no_phone"] = [] if any(is_valid_phone(c.phone) for c in holders) else [-1]
        return observed

    def conclude(self, requirement, subject, observed):
        role = requirement.role
        if fired(observed, "none"):
            return [
                self.finding(
                    requirement,
                    subject,
                    "/contacts",
                    Bilingual(f"方案未明确{role.zh}", f"The plan names no contact with the role {role.value}"),
                    Bilingual(
                        f"在 contacts 中加入 {{name: …, role: {role.value}, phone: …}}",
                        f"Add {{name: …, role: {role.value}, phone: …}} to contacts",
                    ),
                )
            ]
        if fired(observed, "no_phone"):
            contacts = subject.plan.contacts
            index = next(i for i, c in enumerate(contacts) if c.role == role)
            phone = contacts[index].phone
            message = (
                Bilingual(f"{role.zh}电话“{phone}”不是有效号码", f"The {role.value}'s phone “{phone}” is not a valid number")
                if phone
                else Bilingual(f"{role.zh}未留电话", f"The {role.value} has no phone number")
            )
            return [
                self.finding(
                    requirement,
                    subject,
                    f"/contacts/{index}/phone",
                    message,
                    Bilingual("填写手机号或带区号的固定电话，如 0763-2281234", "Give a mobile or a landline with area code, e.g. 0763-2281234"),
                )
            ]
        return []
