from __future__ import annotations

from pathlib import Path

import pytest

from tamis.errors import ConfigError, Refused
from tamis.findings import Action, DetectorFailure, Finding
from tamis.policy.decide import decide
from tamis.policy.model import Policy
from tamis.policy.store import PolicyStore, load_policy_file, parse_policy


def _policy(**kw: object) -> Policy:
    base: dict[str, object] = {
        "name": "t",
        "labels": {"spam": {"label": 0.3, "review": 0.6, "block": 0.9}},
    }
    base.update(kw)
    return parse_policy(base, source="test")


def _f(label: str, score: float, **evidence: object) -> Finding:
    return Finding("d", "1", label, score, evidence=evidence)


@pytest.mark.parametrize(
    ("score", "action"),
    [(0.1, Action.ALLOW), (0.3, Action.LABEL), (0.7, Action.REVIEW), (0.95, Action.BLOCK)],
)
def test_thresholds_map_scores_to_actions(score: float, action: Action) -> None:
    assert decide(_policy(), [_f("spam", score)]).action is action


def test_most_severe_action_wins_and_rules_are_recorded() -> None:
    findings = [_f("spam", 0.4), _f("spam", 0.95), _f("list:x", 1.0, kind="review")]
    d = decide(_policy(), findings)
    assert d.action is Action.BLOCK
    assert d.reasons[0].rule == "threshold:spam>=0.9:block"
    assert d.reasons[0].findings == (1,)
    assert {r.rule for r in d.reasons} == {
        "threshold:spam>=0.9:block",
        "list:x:review",
        "threshold:spam>=0.3:label",
    }
    assert d.policy_name == "t" and len(d.policy_version) == 12


def test_failed_detector_never_allows() -> None:
    d = decide(_policy(), [], [DetectorFailure("ads_spam", "RuntimeError", "boom")])
    assert d.action is Action.REVIEW
    assert d.reasons[0].rule == "failure:ads_spam:review"
    with pytest.raises(ConfigError, match="on_failure"):
        _policy(on_failure="allow")


def test_list_hits_follow_list_kind_unless_policy_says_otherwise() -> None:
    hit = _f("list:profanity", 1.0, kind="block")
    assert decide(_policy(), [hit]).action is Action.BLOCK
    assert decide(_policy(lists={"profanity": "label"}), [hit]).action is Action.LABEL
    assert decide(_policy(lists={"*": "allow"}), [hit]).action is Action.ALLOW
    # a list mapped to allow is not "unset": the catch-all must not override it
    assert decide(_policy(lists={"profanity": "allow", "*": "block"}), [hit]).action is (
        Action.ALLOW
    )


def test_unconfigured_labels_do_not_act() -> None:
    assert decide(_policy(), [_f("hate", 1.0)]).action is Action.ALLOW


def test_version_changes_with_content() -> None:
    assert _policy().version != _policy(on_failure="block").version
    assert _policy().version == _policy().version


@pytest.mark.parametrize(
    ("data", "key", "message"),
    [
        ({"name": "t", "labels": {"spam": {"review": 0.9, "block": 0.5}}}, "labels.spam", "below"),
        ({"name": "t", "labels": {"spam": {"block": 1.5}}}, "labels.spam.block", "less than"),
        ({"name": "t", "labels": {"spam": {"delete": 0.5}}}, "labels.spam.delete", "Extra"),
        ({"name": "t", "labels": {"nonsense": {"block": 0.5}}}, "labels", "unknown label"),
        ({"name": "t", "lists": {"x": "obliterate"}}, "lists", "unknown action"),
        (
            {"name": "t", "detectors": {"term_lists": {"bogus": 1}}},
            "detectors.term_lists.bogus",
            "Extra",
        ),
        ({"name": "t", "colour": "red"}, "colour", "Extra"),
        ({"name": "Bad Name"}, "name", "pattern"),
    ],
)
def test_invalid_policies_name_file_key_and_reason(
    data: dict[str, object], key: str, message: str
) -> None:
    with pytest.raises(ConfigError) as info:
        parse_policy(data, source="p.yaml")
    assert info.value.key == key
    assert message in info.value.message
    assert info.value.message.startswith("p.yaml, key ")
    assert "docs/" in info.value.hint


def test_policy_asking_for_protected_attribute_is_refused() -> None:
    with pytest.raises(Refused, match="religion"):
        parse_policy({"name": "t", "labels": {"religion": {"block": 0.5}}}, source="p.yaml")


def test_unreadable_policy_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.yaml"):
        load_policy_file(bad)
    bad.write_bytes(b"\xff\xfe")
    with pytest.raises(ConfigError, match="cannot read"):
        load_policy_file(bad)
    bad.write_text("- a list", encoding="utf-8")
    with pytest.raises(ConfigError, match="mapping"):
        load_policy_file(bad)


def test_shipped_policies_load_and_user_files_override(tmp_path: Path) -> None:
    store = PolicyStore(tmp_path)
    assert {"default", "comments", "usernames", "live-chat"} <= set(store.all())
    (tmp_path / "comments.yaml").write_text("name: comments\non_failure: block\n", "utf-8")
    assert store.get("comments").on_failure is Action.BLOCK
    with pytest.raises(Exception, match="no policy named"):
        store.get("nope")
