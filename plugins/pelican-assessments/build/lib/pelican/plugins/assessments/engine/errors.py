"""The one exception that scoring raises."""


class AnswerError(ValueError):
    """Answers that cannot be scored; str() is a sentence fit to show a reader."""
