from __future__ import annotations

from ..findings import Bilingual
from ..patterns import exists, fact, missing
from ..text import fold
from . import register
from .base import Defaults, Params, RuleType, fired


class ThemeParams(Params):
    theme: str | None = None


@register
class Theme(RuleType):
    """The plan states the year's theme.

    What it checks
        The plan's `theme` equals the required theme after normalization: full-width folds to
        half-width, and punctuation and spaces are ignored. The required theme is the `theme`
        parameter, or by default the superior's own theme.

        The finding points at the `theme:` key (the document's first line when there is none).

    Why it matters
        Every level publicises the national theme of the year word for word. A plan that states an
        old theme (a copy of last year's plan) or none at all shows that the notice was not read.

    Failing example
        requirements: [{id: NAT22-THEME, type: theme, theme: 遵守安全生产法 当好第一责任人}]
        plan:         theme: 落实安全责任，推动安全发展    # the 2021 theme

    Passing example
        plan:         theme: 遵守安全生产法，当好第一责任人

    How to fix
        Copy the theme from the superior's notice into `theme:`.
    """

    type = "theme"
    Params = ThemeParams

    def bind(self, requirement, defaults: Defaults):
        if requirement.theme:
            return requirement
        if not defaults.theme:
            raise ValueError("a theme rule needs `theme:`, and the superior states no theme")
        return requirement.model_copy(update={"theme": defaults.theme})

    def conditions(self, requirement, as_of):
        return {
            "missing": [{"x": fact("doc", missing("theme"))}],
            "differs": [{"x": fact("doc", exists("theme"), {"$neq": {"theme": fold(requirement.theme)}})}],
        }

    def observe(self, requirement, subject):
        theme = subject.plan.theme
        return {
            "missing": [0] if theme is None else [],
            "differs": [0] if theme is not None and fold(theme) != fold(requirement.theme) else [],
        }

    def conclude(self, requirement, subject, observed):
        required = requirement.theme
        fix = Bilingual(f"将 theme 改为上级通知的主题：{required}", f"Set theme to the superior's theme: {required}")
        if fired(observed, "missing"):
            message = Bilingual(f"方案未写明活动主题，应为“{required}”", f"The plan states no theme; it must be “{required}”")
        elif fired(observed, "differs"):
            stated = subject.plan.theme
            message = Bilingual(
                f"活动主题“{stated}”与要求的“{required}”不一致", f"The theme “{stated}” differs from the required “{required}”"
            )
        else:
            return []
        return [self.finding(requirement, subject, "/theme", message, fix)]
