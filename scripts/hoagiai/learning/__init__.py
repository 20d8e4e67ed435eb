"""What a learner has done, kept on the learner's device: continue card, studied modules,
best quiz scores, and the self-study record page (Hồ sơ tự học)."""

from hoagiai.learning.feature import LearningFeature

__all__ = ["LearningFeature"]
