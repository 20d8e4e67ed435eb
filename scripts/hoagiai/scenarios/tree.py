"""The scenario as one tree of disclosures, for reading without JavaScript.

Walking from the start, a step or an ending is written out in full the first time a
choice leads to it; any later choice that leads there links to it instead. So every
step and ending appears exactly once (its anchor is unique), a cycle never nests
forever, and the nesting follows the order in which a learner meets the steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hoagiai.scenarios.model import Choice, Ending, Scenario, Step


@dataclass
class Branch:
    """A choice and what follows it: a step or ending written here, or a link to one."""

    choice: Choice
    step: StepNode | None = None
    ending: Ending | None = None
    link_to: Step | Ending | None = None


@dataclass
class StepNode:
    step: Step
    branches: list[Branch] = field(default_factory=list)


def build_tree(scenario: Scenario) -> StepNode:
    start = scenario.step(scenario.start)
    assert start is not None  # the graph checks guarantee a step to start from
    written: set[str] = {start.id}
    root = StepNode(start)
    todo = [root]
    # Breadth first: a step is written out under the earliest choice that reaches it.
    while todo:
        node = todo.pop(0)
        for choice in node.step.choices:
            branch = Branch(choice)
            target_step = scenario.step(choice.next)
            target = target_step or scenario.ending(choice.next)
            if choice.next in written:
                branch.link_to = target
            elif target_step is not None:
                branch.step = StepNode(target_step)
                todo.append(branch.step)
            else:
                branch.ending = scenario.ending(choice.next)
            written.add(choice.next)
            node.branches.append(branch)
    return root
