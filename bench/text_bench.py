"""Text pipeline benchmark: tamis against better_profanity on the same corpus, same run.

    python bench/run.py text [--quick]

Measures items/s of the full text pipeline (decode, normalisation, language id, term lists
with the shipped lists plus 20,000 user terms, ads/spam, policy decision) in one process and
on a 2-process pool (`tamis.batch.local.scan`), better_profanity items/s, recall on
obfuscated profanity, false positives on clean text and a Scunthorpe set, and peak RSS.
The tamis measurements run in fresh subprocesses so their peak RSS is their own.

Numbers are printed, compared with the baseline and the issue's targets, and written to
bench/results/text.json. Nothing here asserts a wall-clock limit.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import resource
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
from child import run_child  # noqa: E402

RESULTS = HERE / "results" / "text.json"
CHUNK = 256
WARM_CHUNKS = 6  # pool warm-up: 3 chunks per worker before the clock starts
COOL_CHUNKS = 4  # pool cool-down: keeps the pool as busy at the end mark as at the start

TARGETS = {
    "pool_items_per_s": 5000.0,
    "ratio_vs_bp": 20.0,
    "peak_rss_mb": 400.0,
}


# --------------------------------------------------------------------------------------------
# Arguments


POLICY = os.environ.get("TAMIS_BENCH_POLICY", "rules")


def _parse(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="bench/run.py text", description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="2,000 items and smaller samples")
    ap.add_argument("--items", type=int, help="corpus size (default 20,000; --quick 2,000)")
    ap.add_argument("--terms", type=int, default=20_000, help="generated user-list terms")
    ap.add_argument("--workers", type=int, default=2, help="processes for the pool run")
    ap.add_argument(
        "--bp-sample",
        type=int,
        help="corpus items better_profanity is timed on (default 1,500; quick 300)",
    )
    ap.add_argument("--recall-words", type=int, default=100, help="profane words to obfuscate")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument(
        "--policy",
        default=os.environ.get("TAMIS_BENCH_POLICY", "rules"),
        help="rules: lists + ads/spam (the foundation pipeline); default: with classifiers",
    )
    ap.add_argument("--json", type=Path, default=RESULTS, help="where to write the figures")
    ap.add_argument("--child", choices=["single", "pool"], help=argparse.SUPPRESS)
    ap.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.items is None:
        args.items = 2_000 if args.quick else 20_000
    if args.bp_sample is None:
        args.bp_sample = 300 if args.quick else 1_500
    return args


def _rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024.0  # kilobytes on Linux


# --------------------------------------------------------------------------------------------
# Children: the tamis measurements, each in a fresh process


def _item_summary(findings: list[dict[str, Any]], action: str) -> dict[str, Any]:
    lists = sorted({f["label"] for f in findings if f["label"].startswith("list:")})
    return {"a": action, "l": lists}


def _child_single(args: argparse.Namespace) -> dict[str, Any]:
    data = json.loads(args.data.read_text("utf-8"))
    texts: list[str] = data["corpus"]
    warm: list[str] = data["warmup"][: 2 * CHUNK]
    t0 = time.perf_counter()
    from tamis.decoding.language import identify
    from tamis.engine import Engine
    from tamis.errors import TamisError
    from tamis.media import Media

    t_import = time.perf_counter()
    engine = Engine()
    policy = engine.policy(POLICY)
    t_policy = time.perf_counter()
    det_load: dict[str, float] = {}
    for name, settings in policy.detectors.items():
        t = time.perf_counter()
        engine.detector(name, settings)
        det_load[name] = time.perf_counter() - t
    t = time.perf_counter()
    identify("warm up the language model")
    langid_load = time.perf_counter() - t
    engine.moderate_many([Media.text("hello")], POLICY)
    load_s = time.perf_counter() - t0
    term_detector: Any = engine.detector("term_lists", policy.detectors.get("term_lists"))
    matcher = term_detector.matcher
    rss_after_load = _rss_mb()

    for i in range(0, len(warm), CHUNK):
        engine.moderate_many([Media.text(x, id=f"w{i}") for x in warm[i : i + CHUNK]], POLICY)

    stages: Counter[str] = Counter()
    items: list[dict[str, Any]] = []
    errors = 0
    t_run = time.perf_counter()
    for i in range(0, len(texts), CHUNK):
        media = [Media.text(x, id=f"c{i + j}") for j, x in enumerate(texts[i : i + CHUNK])]
        for res in engine.moderate_many(media, POLICY):
            if isinstance(res, TamisError):
                errors += 1
                items.append({"a": "error", "l": []})
                continue
            stages.update(res.timings)
            items.append(
                {
                    "a": str(res.decision.action),
                    "l": sorted({f.label for f in res.findings if f.label.startswith("list:")}),
                }
            )
    elapsed = time.perf_counter() - t_run
    peak = _rss_mb()

    # Stage micro-benchmarks on the same texts (after the peak-RSS reading).
    from tamis.text.normalization import normalize

    micro: dict[str, float] = {}
    t = time.perf_counter()
    for x in texts:
        identify(x)
    micro["identify"] = time.perf_counter() - t
    t = time.perf_counter()
    normed = [normalize(x) for x in texts]
    micro["normalize"] = time.perf_counter() - t
    t = time.perf_counter()
    for nt in normed:
        matcher.find(nt)
    micro["matcher.find"] = time.perf_counter() - t
    t = time.perf_counter()
    for _ in range(0, len(texts), CHUNK):
        engine.policy(POLICY)
    micro["engine.policy() per chunk"] = time.perf_counter() - t

    return {
        "items": len(texts),
        "elapsed_s": elapsed,
        "items_per_s": len(texts) / elapsed,
        "errors": errors,
        "load_s": load_s,
        "load_breakdown_s": {
            "imports": t_import - t0,
            "policy": t_policy - t_import,
            **{f"detector:{k}": v for k, v in det_load.items()},
            "langid model": langid_load,
        },
        "term_count": matcher.term_count,
        "lists": [tl.name for tl in matcher.lists],
        "rss_after_load_mb": rss_after_load,
        "peak_rss_mb": peak,
        "stage_s": dict(stages),
        "micro_s": micro,
        "per_item": items,
    }


def _child_pool(args: argparse.Namespace) -> dict[str, Any]:
    data = json.loads(args.data.read_text("utf-8"))
    texts: list[str] = data["corpus"]
    warm: list[str] = data["warmup"][: WARM_CHUNKS * CHUNK]
    cool: list[str] = data["warmup"][WARM_CHUNKS * CHUNK :][: COOL_CHUNKS * CHUNK]
    from tamis.batch.local import scan
    from tamis.batch.sources import Record

    def rec(prefix: str, i: int, x: str) -> Record:
        return Record(f"{prefix}{i}", f"bench:{prefix}{i}", x, nbytes=len(x.encode()) + 1)

    records = (
        [rec("w", i, x) for i, x in enumerate(warm)]
        + [rec("c", i, x) for i, x in enumerate(texts)]
        + [rec("z", i, x) for i, x in enumerate(cool)]
    )
    n_warm, n_last = len(warm), len(warm) + len(texts)
    items: list[dict[str, Any]] = []
    done = 0
    mark_t = end_t = None
    mark_n = end_n = 0
    t0 = time.perf_counter()
    first_t = None
    for chunk, outs in scan(iter(records), policy=POLICY, workers=args.workers, chunk_size=CHUNK):
        now = time.perf_counter()
        first_t = first_t or now
        for r, out in zip(chunk, outs, strict=True):
            if r.id.startswith("c"):
                if "error" in out:
                    items.append({"a": "error", "l": []})
                else:
                    items.append(_item_summary(out["findings"], out["decision"]["action"]))
        done += len(chunk)
        if mark_t is None and done >= n_warm:
            mark_t, mark_n = now, done
        if end_t is None and done >= n_last:
            end_t, end_n = now, done
    total_t = time.perf_counter() - t0
    assert mark_t is not None and end_t is not None
    steady = (end_n - mark_n) / (end_t - mark_t)
    return {
        "workers": args.workers,
        "items": len(texts),
        "steady_items": end_n - mark_n,
        "steady_elapsed_s": end_t - mark_t,
        "items_per_s": steady,
        "end_to_end_s": total_t,
        "end_to_end_items_per_s": len(records) / total_t,
        "first_chunk_s": (first_t or t0) - t0,
        "main_peak_rss_mb": _rss_mb(),
        "worker_peak_rss_mb": _rss_mb(resource.RUSAGE_CHILDREN),
        "per_item": items,
    }


def _run_child(kind: str, data_path: Path, workers: int) -> dict[str, Any]:
    return run_child(__file__, kind, data_path, "--workers", str(workers))


# --------------------------------------------------------------------------------------------
# Set-up: word choice, corpus, user list


def _shared_words(bp_words: set[str]) -> list[str]:
    """English words better_profanity lists that tamis's shipped profanity/sexual lists match
    (as a term, or through a ``stem*`` prefix term), and that both flag when spelled plainly."""
    from better_profanity import profanity

    from tamis.lists.matcher import TermMatcher
    from tamis.lists.store import default_lists
    from tamis.text.normalization import normalize

    lists = default_lists()
    shipped = [lists[n] for n in ("profanity", "sexual") if n in lists]
    if not shipped:
        raise SystemExit("the shipped profanity/sexual lists are missing (src/tamis/lists/default)")
    terms = {t for tl in shipped for t in tl.terms.get("en", ())}
    plain = {t for t in terms if "*" not in t}
    stems = tuple(t.rstrip("*") for t in terms if t.endswith("*") and not t.startswith("*"))
    matcher = TermMatcher([*shipped, *(tl for tl in lists.values() if tl.kind == "allow")])
    out = []
    for w in sorted(bp_words):
        if not w.isascii() or not w.isalpha() or len(w) < 3:
            continue
        if w not in plain and not w.startswith(stems):
            continue
        probe = f"Honestly, {w} is the only word for it."
        if matcher.find(normalize(probe)) and profanity.contains_profanity(probe):
            out.append(w)
    return out


def _write_user_list(home: Path, terms: dict[str, list[str]]) -> None:
    from tamis.lists.model import parse_list
    from tamis.lists.store import ListStore

    tl = parse_list(
        {
            "name": "bench-terms",
            "kind": "block",
            "description": "Generated by bench/text_bench.py: random pronounceable words.",
            "terms": {lang: tuple(ts) for lang, ts in terms.items()},
        },
        source="bench",
    )
    ListStore(home / "lists").save(tl)
    # The text pipeline of the foundation issue: normalisation, language id, term lists,
    # ads/spam rules and the decision (the shipped `default` adds the trained classifiers).
    (home / "policies").mkdir(parents=True, exist_ok=True)
    (home / "policies" / "rules.yaml").write_text(
        "name: rules\n"
        "description: Rules only (lists, ads/spam), for the foundation benchmark.\n"
        "labels: {ads: {label: 0.5, review: 0.8}, spam: {label: 0.5, review: 0.8}}\n"
        "lists: {profanity: review, sexual: block}\n"
        "detectors: {term_lists: {}, ads_spam: {}}\n",
        "utf-8",
    )


# --------------------------------------------------------------------------------------------
# Quality: recall on obfuscations, false positives


def _tamis_results(texts: list[str]) -> list[list[tuple[str, tuple[int, int] | None]]]:
    from tamis.engine import Engine
    from tamis.errors import TamisError
    from tamis.media import Media

    engine = Engine()
    out: list[list[tuple[str, tuple[int, int] | None]]] = []
    for i in range(0, len(texts), CHUNK):
        media = [Media.text(x, id=f"q{i + j}") for j, x in enumerate(texts[i : i + CHUNK])]
        for res in engine.moderate_many(media, POLICY):
            if isinstance(res, TamisError):
                out.append([])
                continue
            out.append(
                [
                    (f.label, f.locator.char_span)
                    for f in res.findings
                    if f.label.startswith("list:")
                ]
            )
    return out


def _covers(span: tuple[int, int] | None, target: tuple[int, int]) -> bool:
    return span is not None and span[0] <= target[0] and target[1] <= span[1]


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _rate(hits: int, n: int) -> float:
    return hits / n if n else math.nan


# --------------------------------------------------------------------------------------------
# Main


def main(argv: list[str] | None = None) -> int:
    global POLICY
    args = _parse(list(sys.argv[1:] if argv is None else argv))
    POLICY = os.environ["TAMIS_BENCH_POLICY"] = args.policy
    if args.child:
        fn = _child_single if args.child == "single" else _child_pool
        args.out.write_text(json.dumps(fn(args)), "utf-8")
        return 0

    t_start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tamis-bench-") as tmp:
        home = Path(tmp) / "home"
        # Before any engine or pool exists, so workers and children inherit it.
        previous = os.environ.get("TAMIS_HOME")
        os.environ["TAMIS_HOME"] = str(home)
        try:
            return _bench(args, Path(tmp), home, t_start)
        finally:
            if previous is None:
                os.environ.pop("TAMIS_HOME", None)
            else:
                os.environ["TAMIS_HOME"] = previous


def _bench(args: argparse.Namespace, tmp: Path, home: Path, t_start: float) -> int:
    from better_profanity import profanity

    profanity.load_censor_words()
    bp_words = {str(w) for w in profanity.CENSOR_WORDSET}

    print(
        f"text benchmark: {args.items:,} items, {args.terms:,} user terms, "
        f"{args.workers} workers, seed {args.seed}",
        flush=True,
    )
    shared = _shared_words(bp_words)
    recall_words = sorted(
        random.Random(args.seed).sample(shared, min(args.recall_words, len(shared)))
    )
    items = corpus.make_corpus(args.items, shared, seed=args.seed)
    warmup = corpus.make_corpus((WARM_CHUNKS + COOL_CHUNKS) * CHUNK, shared, seed=args.seed + 1)
    kinds = ["plain", *corpus.OBFUSCATIONS]
    cases = corpus.make_recall_set(recall_words, kinds, seed=args.seed + 2)
    scunthorpe = corpus.scunthorpe_set(seed=args.seed + 3)
    all_texts = [i.text for i in items] + [i.text for i in warmup] + [c.text for c in cases]
    all_texts += scunthorpe
    pool = corpus.cjk_pool(all_texts, seed=args.seed + 4)
    terms = corpus.make_terms(args.terms, all_texts, cjk_pool=pool, seed=args.seed + 5)
    _write_user_list(home, terms)
    data_path = tmp / "corpus.json"
    data_path.write_text(
        json.dumps({"corpus": [i.text for i in items], "warmup": [i.text for i in warmup]}), "utf-8"
    )
    setup_s = time.perf_counter() - t_start
    print(
        f"  set-up {setup_s:.1f}s: {len(shared)} shared profane words, "
        f"{len(cases)} recall cases, {sum(len(v) for v in terms.values()):,} terms "
        f"({', '.join(f'{k} {len(v)}' for k, v in terms.items())})",
        flush=True,
    )

    print("  tamis, 1 process ...", flush=True)
    single = _run_child("single", data_path, 1)
    print(f"    {single['items_per_s']:,.0f} items/s", flush=True)
    print(f"  tamis, {args.workers} processes (scan) ...", flush=True)
    pooled = _run_child("pool", data_path, args.workers)
    print(f"    {pooled['items_per_s']:,.0f} items/s", flush=True)

    # better_profanity on an evenly spaced sample of the same corpus.
    step = max(1, math.ceil(len(items) / args.bp_sample))
    sample_idx = list(range(0, len(items), step))
    print(f"  better_profanity on {len(sample_idx):,} items ...", flush=True)
    bp_flags: dict[int, bool] = {}
    t = time.perf_counter()
    for i in sample_idx:
        bp_flags[i] = profanity.contains_profanity(items[i].text)
    bp_elapsed = time.perf_counter() - t
    bp_ips = len(sample_idx) / bp_elapsed

    # Recall on obfuscated variants and the Scunthorpe set.
    print(f"  recall: {len(cases)} cases, both libraries ...", flush=True)
    tamis_q = _tamis_results([c.text for c in cases] + scunthorpe)
    tamis_rec, tamis_scun = tamis_q[: len(cases)], tamis_q[len(cases) :]
    t = time.perf_counter()
    bp_rec = [profanity.contains_profanity(c.text) for c in cases]
    bp_recall_ips = len(cases) / (time.perf_counter() - t)
    bp_scun = [profanity.contains_profanity(x) for x in scunthorpe]

    per_kind: dict[str, dict[str, int]] = defaultdict(lambda: {"n": 0, "tamis": 0, "bp": 0})
    misses: dict[str, list[str]] = defaultdict(list)
    bp_misses: dict[str, list[str]] = defaultdict(list)
    for case, found, bp_hit in zip(cases, tamis_rec, bp_rec, strict=True):
        row = per_kind[case.kind]
        row["n"] += 1
        hit = any(_covers(span, case.span) for _, span in found)
        row["tamis"] += hit
        row["bp"] += bp_hit
        if not hit and len(misses[case.kind]) < 5:
            misses[case.kind].append(case.variant)
        if not bp_hit and len(bp_misses[case.kind]) < 5:
            bp_misses[case.kind].append(case.variant)
    obf = [k for k in kinds if k != "plain"]
    obf_n = sum(per_kind[k]["n"] for k in obf)
    tamis_recall = _rate(sum(per_kind[k]["tamis"] for k in obf), obf_n)
    bp_recall = _rate(sum(per_kind[k]["bp"] for k in obf), obf_n)

    # False positives: clean corpus items (no profane word inserted) and the Scunthorpe set.
    clean_idx = [i for i, it in enumerate(items) if not it.profane]
    tamis_fp_idx = [i for i in clean_idx if single["per_item"][i]["l"]]
    bp_clean = [i for i in sample_idx if not items[i].profane]
    bp_fp_idx = [i for i in bp_clean if bp_flags[i]]
    tamis_scun_fp = [x for x, f in zip(scunthorpe, tamis_scun, strict=True) if f]
    bp_scun_fp = [x for x, f in zip(scunthorpe, bp_scun, strict=True) if f]
    profane_idx = [i for i, it in enumerate(items) if it.profane]
    tamis_prof_hits = sum(bool(single["per_item"][i]["l"]) for i in profane_idx)
    bp_prof = [i for i in sample_idx if items[i].profane]
    bp_prof_hits = sum(bp_flags[i] for i in bp_prof)

    # Consistency between the two tamis runs (same decisions item by item).
    disagree = sum(a != b for a, b in zip(single["per_item"], pooled["per_item"], strict=True))
    actions = Counter(x["a"] for x in single["per_item"])

    ratio1 = single["items_per_s"] / bp_ips
    ratio2 = pooled["items_per_s"] / bp_ips
    rows = [
        (
            "items/s, 1 process (moderate_many)",
            f"{single['items_per_s']:,.0f}",
            f"{bp_ips:,.0f}",
            f"{ratio1:,.1f}x",
            "-",
        ),
        (
            f"items/s, {args.workers} cores (scan) [headline]",
            f"{pooled['items_per_s']:,.0f}",
            f"{bp_ips:,.0f}",
            f"{ratio2:,.1f}x",
            f">= {TARGETS['pool_items_per_s']:,.0f}/s, >= {TARGETS['ratio_vs_bp']:.0f}x",
        ),
        (
            "recall, obfuscated (all kinds)",
            _pct(tamis_recall),
            _pct(bp_recall),
            f"{tamis_recall / bp_recall:.2f}x" if bp_recall else "-",
            "> baseline",
        ),
    ]
    for k in kinds:
        r = per_kind[k]
        rows.append(
            (
                f"  recall: {k} (n={r['n']})",
                _pct(_rate(r["tamis"], r["n"])),
                _pct(_rate(r["bp"], r["n"])),
                "",
                "",
            )
        )
    rows += [
        (
            f"detected, profane corpus items (bp n={len(bp_prof)})",
            _pct(_rate(tamis_prof_hits, len(profane_idx))),
            _pct(_rate(bp_prof_hits, len(bp_prof))),
            "",
            "",
        ),
        (
            f"false positives, clean corpus (bp n={len(bp_clean)})",
            _pct(_rate(len(tamis_fp_idx), len(clean_idx))),
            _pct(_rate(len(bp_fp_idx), len(bp_clean))),
            "",
            "",
        ),
        (
            f"false positives, Scunthorpe set (n={len(scunthorpe)})",
            f"{len(tamis_scun_fp)}",
            f"{len(bp_scun_fp)}",
            "",
            "",
        ),
        (
            "peak RSS MB, 1 process",
            f"{single['peak_rss_mb']:.0f}",
            "",
            "",
            f"<= {TARGETS['peak_rss_mb']:.0f}",
        ),
        (
            "peak RSS MB, scan main process",
            f"{pooled['main_peak_rss_mb']:.0f}",
            "",
            "",
            f"<= {TARGETS['peak_rss_mb']:.0f}",
        ),
        (
            "peak RSS MB, largest scan worker",
            f"{pooled['worker_peak_rss_mb']:.0f}",
            "",
            "",
            f"<= {TARGETS['peak_rss_mb']:.0f}",
        ),
        ("load time s (engine + lists + models)", f"{single['load_s']:.2f}", "", "", ""),
    ]
    total_s = time.perf_counter() - t_start
    _print_table(rows)
    n = single["items"]
    stage_us = {k: 1e6 * v / n for k, v in sorted(single["stage_s"].items())}
    stage_us["(outside stages)"] = 1e6 * single["elapsed_s"] / n - sum(stage_us.values())
    print("\ntamis, 1 process: microseconds per item by stage (from result timings)")
    for k, v in stage_us.items():
        print(f"  {k:<34}{v:>9.1f}")
    print("stand-alone timings on the same texts, microseconds per item")
    for k, v in single["micro_s"].items():
        print(f"  {k:<34}{1e6 * v / n:>9.1f}")
    print(
        "load breakdown, s: "
        + ", ".join(f"{k} {v:.2f}" for k, v in single["load_breakdown_s"].items())
    )
    print(f"matcher: {single['term_count']:,} terms in lists {', '.join(single['lists'])}")
    print(
        f"decisions (1 process): {dict(sorted(actions.items()))}; "
        f"1-process vs scan disagreements: {disagree}"
    )
    print(
        f"scan end-to-end incl. pool start and load: {pooled['end_to_end_items_per_s']:,.0f} "
        f"items/s over {pooled['end_to_end_s']:.1f}s; better_profanity on the recall set: "
        f"{bp_recall_ips:,.0f} items/s"
    )
    if tamis_fp_idx:
        print(
            "tamis false positives (first 3): "
            + " | ".join(repr(items[i].text[:80]) for i in tamis_fp_idx[:3])
        )
    if tamis_scun_fp:
        print("tamis Scunthorpe hits: " + " | ".join(tamis_scun_fp))
    if bp_scun_fp:
        print("better_profanity Scunthorpe hits: " + " | ".join(bp_scun_fp))
    print(f"total run time {total_s:.0f}s", flush=True)

    report = {
        "benchmark": "text",
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "config": {
            "items": args.items,
            "terms": args.terms,
            "workers": args.workers,
            "seed": args.seed,
            "chunk": CHUNK,
            "bp_sample": len(sample_idx),
            "quick": args.quick,
        },
        "corpus": {
            "langs": dict(Counter(i.lang for i in items)),
            "profane": len(profane_idx),
            "obfuscated": sum(i.obfuscated for i in items),
            "contact": sum(i.contact for i in items),
            "shared_words": len(shared),
        },
        "tamis": {
            "single": {k: v for k, v in single.items() if k != "per_item"},
            "pool": {k: v for k, v in pooled.items() if k != "per_item"},
            "stage_us_per_item": stage_us,
            "decisions": dict(actions),
            "single_vs_pool_disagreements": disagree,
        },
        "better_profanity": {
            "items_per_s": bp_ips,
            "sample": len(sample_idx),
            "recall_set_items_per_s": bp_recall_ips,
        },
        "ratios": {"single_vs_bp": ratio1, "pool_vs_bp": ratio2},
        "recall": {
            "words": recall_words,
            "per_kind": {k: dict(per_kind[k]) for k in kinds},
            "obfuscated": {"tamis": tamis_recall, "better_profanity": bp_recall, "n": obf_n},
            "tamis_misses": dict(misses),
            "better_profanity_misses": dict(bp_misses),
        },
        "false_positives": {
            "clean_corpus": {
                "tamis": _rate(len(tamis_fp_idx), len(clean_idx)),
                "tamis_n": len(clean_idx),
                "better_profanity": _rate(len(bp_fp_idx), len(bp_clean)),
                "better_profanity_n": len(bp_clean),
                "tamis_examples": [items[i].text for i in tamis_fp_idx[:10]],
                "better_profanity_examples": [items[i].text for i in bp_fp_idx[:10]],
            },
            "scunthorpe": {
                "n": len(scunthorpe),
                "tamis": tamis_scun_fp,
                "better_profanity": bp_scun_fp,
            },
        },
        "detected_profane_corpus": {
            "tamis": _rate(tamis_prof_hits, len(profane_idx)),
            "better_profanity": _rate(bp_prof_hits, len(bp_prof)),
        },
        "targets": TARGETS,
        "total_run_s": total_s,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {args.json}")
    return 0


def _print_table(rows: list[tuple[str, str, str, str, str]]) -> None:
    head = ("metric", "tamis", "better_profanity", "ratio", "target")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(5)]
    line = "  ".join("-" * w for w in widths)
    print()
    print(
        "  ".join(
            h.ljust(w) if i == 0 else h.rjust(w)
            for i, (h, w) in enumerate(zip(head, widths, strict=True))
        )
    )
    print(line)
    for r in rows:
        print(
            "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(r, widths, strict=True))
            )
        )


if __name__ == "__main__":
    raise SystemExit(main())
