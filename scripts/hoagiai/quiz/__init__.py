"""Quizzes: YAML question banks become self-check pages, trainer sheets, Moodle exports and
contest papers. `QuizFeature` is the only entry point the site needs."""

from hoagiai.quiz.feature import QuizFeature

__all__ = ["QuizFeature"]
