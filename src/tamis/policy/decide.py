"""Policy.decide: a pure function of findings and detector failures to a Decision."""

from __future__ import annotations

from collections.abc import Sequence

from tamis.findings import Action, Decision, DetectorFailure, Finding, Reason
from tamis.lists.model import ListKind
from tamis.policy.model import Policy

_KIND_ACTION = {ListKind.BLOCK.value: Action.BLOCK, ListKind.REVIEW.value: Action.REVIEW}


def decide(
    policy: Policy, findings: Sequence[Finding], failures: Sequence[DetectorFailure] = ()
) -> Decision:
    fired: dict[str, tuple[Action, list[int]]] = {}

    def fire(rule: str, action: Action, index: int | None) -> None:
        entry = fired.setdefault(rule, (action, []))
        if index is not None:
            entry[1].append(index)

    for i, f in enumerate(findings):
        if f.label.startswith("list:"):
            name = f.label[len("list:") :]
            action = policy.lists.get(name)  # allow is 0: test for None, never truthiness
            if action is None:
                action = policy.lists.get("*")
            if action is None:
                action = _KIND_ACTION.get(str(f.evidence.get("kind")), Action.REVIEW)
            if action > Action.ALLOW:
                fire(f"list:{name}:{action}", action, i)
            continue
        if f.label.startswith("bank:"):
            # A bank holds what its owner decided to act on: a match blocks unless the policy
            # maps the bank (or "*") to another action.
            name = f.label[len("bank:") :]
            action = policy.banks.get(name)
            if action is None:
                action = policy.banks.get("*", Action.BLOCK)  # (allow is 0: test for None)
            if action > Action.ALLOW:
                fire(f"bank:{name}:{action}", action, i)
            continue
        thresholds = policy.labels.get(f.label)
        if thresholds is None:
            continue
        reached = thresholds.action_for(f.score)
        if reached is not None:
            action, value = reached
            fire(f"threshold:{f.label}>={value:g}:{action}", action, i)
    for failure in failures:
        fire(f"failure:{failure.detector}:{policy.on_failure}", policy.on_failure, None)

    reasons = sorted(
        (Reason(rule, action, tuple(idx)) for rule, (action, idx) in fired.items()),
        key=lambda r: (-r.action, r.rule),
    )
    top = reasons[0].action if reasons else Action.ALLOW
    return Decision(top, tuple(reasons), policy.name, policy.version)
