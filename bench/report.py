"""The tables compare.py prints: one per case group, with the ratios (PyTorch
ms / litrun ms; above 1 means litrun is faster), images/s, effective GFLOP/s,
and for the whole models the share of the measured FMA peak, the peak RSS of
both sides and the targets of the performance spec and the whole-model work.

An entry is (median ms, GFLOP per iteration, images per iteration, peak RSS MB),
with None where a side did not print the field.
"""

import math
import statistics

# Training targets from the performance spec: minimum ratio PyTorch ms / litrun ms.
TRAIN_TARGETS = {
    "lenet-builtin-bn": 1.5,
    "lenet-scratch-bn": 1.0,
    "lenet-builtin-bn-eval": 1.0,
    "lenet-scratch-bn-eval": 1.0,
}

# Whole-model targets (issue: whole-model speed): minimum ratio PyTorch ms /
# litrun ms, and minimum share of the measured FMA peak for training.
MODEL_RATIO_TARGETS = {"lenet-builtin-bn": 3.0, "lenet-scratch-bn": 3.0,
                       "resnet18": 1.3, "densenet": 1.3}
MODEL_EVAL_RATIO_TARGET = 1.5
MODEL_PEAK_TARGETS = {"resnet18": 0.40, "densenet": 0.45}


def fmt(value, digits=3):
    return "" if value is None else f"{value:.{digits}f}"


def fmt_ms(value):
    """Milliseconds with four significant digits, so microsecond cases stay readable."""
    return "" if value is None else f"{value:.4g}"


def gflops(entry):
    if entry is None or entry[1] <= 0 or entry[0] <= 0:
        return None
    return entry[1] / (entry[0] / 1e3)


def images_per_s(entry):
    if entry is None or not entry[2] or entry[0] <= 0:
        return None
    return entry[2] / (entry[0] / 1e3)


def case_order(lit, pt):
    return list(pt) + [n for n in lit if n not in pt]


def missing_note(group):
    if not group.missing_in_swift:
        return []
    return ["", "Not implemented by litrun's side yet (blank litrun column): "
            + ", ".join(group.missing_in_swift)]


def report_train(medians, group):
    """The training table. Images and GFLOP per iteration belong to the case:
    PyTorch's figures serve both sides, litrun's where PyTorch has none."""
    lit, pt = medians["litrun"], medians["PyTorch"]
    lines = ["| case | litrun ms | PyTorch ms | ratio (PyTorch ms / litrun ms)"
             " | target | litrun images/s | PyTorch images/s"
             " | litrun GFLOP/s | PyTorch GFLOP/s |",
             "|---|---:|---:|---:|---|---:|---:|---:|---:|"]
    for name in case_order(lit, pt):
        a, b = lit.get(name), pt.get(name)
        ratio = b[0] / a[0] if a and b and a[0] > 0 else None
        if a and b:
            work = (b[1] or a[1], b[2] or a[2])
            a, b = (a[0],) + work, (b[0],) + work
        target = TRAIN_TARGETS.get(name)
        verdict = ""
        if target is not None:
            verdict = f"≥ {target:g}"
            if ratio is not None:
                verdict += " met" if ratio >= target else " missed"
        lines.append(f"| {name} | {fmt_ms(a and a[0])} | {fmt_ms(b and b[0])} "
                     f"| {fmt(ratio, 2)} | {verdict} "
                     f"| {fmt(images_per_s(a), 0)} | {fmt(images_per_s(b), 0)} "
                     f"| {fmt(gflops(a), 1)} | {fmt(gflops(b), 1)} |")
    return "\n".join(lines + missing_note(group))


def report_models(medians, group, peaks):
    """The whole-model table: speed, effective GFLOP/s against the measured
    FMA peak, and peak RSS, with the targets of the whole-model issue."""
    lit, pt = medians["litrun"], medians["PyTorch"]
    peak = statistics.median(p for p, _ in peaks) if peaks else None
    isa = peaks[0][1] if peaks else ""
    lines = [f"FMA peak measured by lit-bench: {fmt(peak, 1)} GFLOP/s "
             f"({isa}; median of {len(peaks)}, one per round)", "",
             "| case | litrun ms | PyTorch ms | ratio | target | litrun img/s"
             " | PyTorch img/s | litrun GFLOP/s | PyTorch GFLOP/s"
             " | litrun % of peak | PyTorch % of peak"
             " | litrun peak RSS MB | PyTorch peak RSS MB |",
             "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for name in case_order(lit, pt):
        a, b = lit.get(name), pt.get(name)
        ratio = b[0] / a[0] if a and b and a[0] > 0 else None
        if a and b:
            work = (b[1] or a[1], b[2] or a[2])
            a, b = (a[0],) + work + (a[3],), (b[0],) + work + (b[3],)
        evaluating = "-eval-" in name
        goals, verdicts = [], []
        minimum = MODEL_EVAL_RATIO_TARGET if evaluating else MODEL_RATIO_TARGETS.get(name)
        if minimum is not None:
            goals.append(f"ratio ≥ {minimum:g}")
            if ratio is not None:
                verdicts.append(ratio >= minimum)
        share = MODEL_PEAK_TARGETS.get(name)
        lit_share = gflops(a) / peak if a and peak and gflops(a) else None
        if share is not None:
            goals.append(f"≥ {share:.0%} of peak")
            if lit_share is not None:
                verdicts.append(lit_share >= share)
        if not evaluating:
            goals.append("RSS ≤ ½ PyTorch's")
            if a and b and a[3] and b[3]:
                verdicts.append(a[3] <= b[3] / 2)
        verdict = "; ".join(goals)
        if verdicts:
            verdict += " — met" if all(verdicts) else " — missed"
        pt_share = gflops(b) / peak if b and peak and gflops(b) else None
        lines.append(
            f"| {name} | {fmt_ms(a and a[0])} | {fmt_ms(b and b[0])} "
            f"| {fmt(ratio, 2)} | {verdict} "
            f"| {fmt(images_per_s(a), 0)} | {fmt(images_per_s(b), 0)} "
            f"| {fmt(gflops(a), 1)} | {fmt(gflops(b), 1)} "
            f"| {fmt(lit_share and 100 * lit_share, 1)} "
            f"| {fmt(pt_share and 100 * pt_share, 1)} "
            f"| {fmt(a and a[3], 0)} | {fmt(b and b[3], 0)} |")
    return "\n".join(lines + missing_note(group))


def report(medians, group, peaks=(), summary_groups=()):
    if group.name == "models":
        return report_models(medians, group, peaks)
    if group.name == "train":
        return report_train(medians, group)
    lit, pt = medians["litrun"], medians["PyTorch"]
    names = case_order(lit, pt)
    lines = ["| case | litrun ms | PyTorch ms | ratio (PyTorch ms / litrun ms)"
             " | litrun GFLOP/s | PyTorch GFLOP/s |",
             "|---|---:|---:|---:|---:|---:|"]
    ratios = {}
    for name in names:
        a, b = lit.get(name), pt.get(name)
        ratio = b[0] / a[0] if a and b and a[0] > 0 else None
        if ratio is not None:
            ratios[name] = ratio
        lines.append(f"| {name} | {fmt_ms(a and a[0])} | {fmt_ms(b and b[0])} | "
                     f"{fmt(ratio, 2)} | {fmt(gflops(a), 1)} | "
                     f"{fmt(gflops(b), 1)} |")
    summary = []
    for label, member in summary_groups:
        values = [r for n, r in ratios.items() if member(n) and r > 0]
        mean = (math.exp(sum(map(math.log, values)) / len(values))
                if values else None)
        summary.append(f"{label} {fmt(mean, 2) or 'n/a'} (n={len(values)})")
    lines += ["", "Geometric mean of ratio (PyTorch ms / litrun ms): "
              + "; ".join(summary)]
    return "\n".join(lines + missing_note(group))
