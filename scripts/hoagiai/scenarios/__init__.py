"""Role-play scenarios: the learner plays the mediator, step by step, with the law behind
every branch. Sources in `materials/tinh-huong/<id>.yml`; pages under `tinh-huong/`."""

from hoagiai.scenarios.feature import ScenariosFeature

__all__ = ["ScenariosFeature"]
