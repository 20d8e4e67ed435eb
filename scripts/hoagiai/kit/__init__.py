"""The trainer's kit: what a trainer needs for a class or a contest, without a terminal."""

from hoagiai.kit.feature import TrainerKitFeature

__all__ = ["TrainerKitFeature"]
