"""The checks on a scenario's graph of steps and endings.

Steps are nodes, choices are edges, endings are the exits. A scenario is sound when:
- the start and every choice's `next` name an existing step or ending;
- every step and every ending can be reached from the start;
- from every reachable step some ending can still be reached. With every step
  offering choices, a step that cannot reach an ending sits in (or leads into) a
  cycle without a way out: that cycle is reported, step by step, so an author sees
  where to add an exit. Cycles with a way out are allowed (a "try again" loop).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from hoagiai.problems import Location, Problem, did_you_mean, problem
from hoagiai.scenarios.model import Scenario


def graph_problems(scenario: Scenario, start_location: Location) -> Iterator[Problem]:
    nodes = {step.id for step in scenario.steps} | {ending.id for ending in scenario.endings}
    if scenario.start not in nodes:
        # Nothing can be reached without a start: one message says all there is to fix.
        yield _missing(start_location, "start", scenario.start, sorted(nodes))
        return
    yield from _missing_targets(scenario, nodes)
    edges = {step.id: [c.next for c in step.choices if c.next in nodes] for step in scenario.steps}
    reached = _reachable(scenario.start, edges)
    for step in scenario.steps:
        if step.id not in reached:
            yield problem(
                step.location,
                f"không đi tới được bước “{step.id}” từ bước đầu “{scenario.start}”",
                f"cho một lựa chọn ở một bước đi tới được “next: {step.id}”, hoặc xóa bước này",
                f"the step “{step.id}” cannot be reached from the first step “{scenario.start}”",
                f"make a choice of a reachable step say “next: {step.id}”, or remove this step",
            )
    for ending in scenario.endings:
        if ending.id not in reached:
            yield problem(
                ending.location,
                f"không đi tới được kết thúc “{ending.id}” từ bước đầu “{scenario.start}”",
                f"cho một lựa chọn ở một bước đi tới được “next: {ending.id}”, hoặc xóa kết "
                "thúc này",
                f"the ending “{ending.id}” cannot be reached from the first step "
                f"“{scenario.start}”",
                f"make a choice of a reachable step say “next: {ending.id}”, or remove this "
                "ending",
            )
    endings = {ending.id for ending in scenario.endings}
    trapped = {node for node in reached & edges.keys() if not _reaches_any(node, edges, endings)}
    for cycle in _cycles(trapped, edges):
        first = scenario.step(cycle[0])
        assert first is not None  # every trapped node is a step
        listed = ", ".join(f"“{node}”" for node in cycle)
        yield problem(
            first.location,
            f"vòng lặp không có lối ra: các bước {listed} chỉ dẫn vào nhau, không bao giờ tới "
            "kết thúc",
            "cho ít nhất một lựa chọn trong vòng này dẫn tới một kết thúc hoặc một bước ngoài "
            "vòng",
            f"a cycle without a way out: the steps {listed} lead only to each other, never to "
            "an ending",
            "make at least one choice in this cycle lead to an ending or to a step outside it",
        )


def _missing_targets(scenario: Scenario, nodes: set[str]) -> Iterator[Problem]:
    for step in scenario.steps:
        for number, choice in enumerate(step.choices, start=1):
            if choice.next not in nodes:
                field = f"steps[{step.number}].choices[{number}].next"
                yield _missing(choice.next_location, field, choice.next, sorted(nodes))


def _missing(location: Location, field: str, target: str, known: list[str]) -> Problem:
    close = difflib.get_close_matches(target, known, n=1, cutoff=0.6)
    hint = did_you_mean(close[0] if close else "")
    return problem(
        location,
        f"{field}: không có bước hay kết thúc nào mã “{target}”",
        f"{hint.vi}viết mã một bước trong “steps” hoặc một kết thúc trong “endings”",
        f"{field}: there is no step or ending with the id “{target}”",
        f"{hint.en}write the id of a step in “steps” or an ending in “endings”",
    )


def _reachable(start: str, edges: dict[str, list[str]]) -> set[str]:
    seen, todo = {start}, [start]
    while todo:
        for target in edges.get(todo.pop(), []):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _reaches_any(node: str, edges: dict[str, list[str]], goals: set[str]) -> bool:
    return bool(_reachable(node, edges) & goals)


def _cycles(trapped: set[str], edges: dict[str, list[str]]) -> list[list[str]]:
    """The cycles among trapped steps: each strongly connected group with a loop, ids sorted."""
    groups: list[list[str]] = []
    placed: set[str] = set()
    for node in sorted(trapped):
        if node in placed:
            continue
        reach = _reachable(node, {k: v for k, v in edges.items() if k in trapped})
        group = [n for n in sorted(reach)
                 if n in trapped and node in _reachable(n, edges)]
        if len(group) > 1 or node in edges.get(node, []):
            groups.append(group)
            placed.update(group)
    return groups
