"""The building blocks of every library file: languages, signals, per-language containers.

Split from :mod:`clausecheck.library.models`, which re-exports everything here.
"""

from __future__ import annotations

import re as _re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

Lang = Literal["ja", "en"]
LANGS: tuple[Lang, ...] = ("ja", "en")
Label = Literal["present", "weak", "absent"]
WeakBecause = Literal["element", "wording", "direction", "exception"]
Party = Literal["counterparty", "us", "both", "any"]
Level = Literal["required", "recommended"]
Severity = Literal["high", "medium", "low"]
Side = Literal["provider", "recipient"]

SNAKE_ID = r"^[a-z][a-z0-9_]*$"
Id = Annotated[str, Field(pattern=SNAKE_ID)]
Text = Annotated[str, Field(min_length=1)]


_COMPILED: dict[str, _re.Pattern[str]] = {}
"""Patterns compiled once per process, when a signal is validated (re's own cache holds 512)."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class Signal(_Model):
    """A literal term or a regular expression over normalised text, with a weight.

    In YAML a signal is written ``支配権``, ``{term: 支配権, weight: 2}``,
    ``{re: "株式.{0,10}取得", weight: 1.5}`` or ``{phrase: termination_right}`` (every signal of
    the lexicon's phrase list of that name). Regular expressions are compiled when the file is
    loaded, so a malformed pattern is a load error naming the pattern.
    """

    term: str | None = Field(default=None, min_length=1)
    """A literal, matched as a substring of normalised text (English: at word boundaries)."""
    re: str | None = Field(default=None, min_length=1)
    """A Python regular expression over normalised text."""
    phrase: str | None = Field(default=None, min_length=1)
    """The name of a phrase list in ``lexicon.yaml`` (``phrases``): wording many clauses share,
    such as a termination right, kept in one place."""
    weight: float = Field(default=1.0, gt=0)
    """How much the signal counts (default 1.0)."""

    @model_validator(mode="before")
    @classmethod
    def _from_string(cls, data: Any) -> Any:
        return {"term": data} if isinstance(data, str) else data

    @field_validator("re")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                if value not in _COMPILED:
                    _COMPILED[value] = _re.compile(value)
            except _re.error as exc:
                raise ValueError(f"malformed regular expression {value!r}: {exc}") from None
        return value

    @model_validator(mode="after")
    def _one_kind(self) -> Signal:
        if sum(x is not None for x in (self.term, self.re, self.phrase)) != 1:
            raise ValueError("a signal has exactly one of `term`, `re` or `phrase`")
        return self

    @property
    def pattern(self) -> _re.Pattern[str] | None:
        """The compiled regular expression of an ``re`` signal (``None`` for a term)."""
        return None if self.re is None else _COMPILED[self.re]

    @property
    def text(self) -> str:
        """The term, the pattern or the phrase name as written."""
        if self.term is not None:
            return self.term
        return self.re if self.re is not None else f"phrase:{self.phrase}"

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        weight = {"type": "number", "exclusiveMinimum": 0, "default": 1.0}

        def form(key: str) -> dict[str, Any]:
            return {
                "type": "object",
                "properties": {key: {"type": "string", "minLength": 1}, "weight": weight},
                "required": [key],
                "additionalProperties": False,
            }

        return {
            "title": "Signal",
            "description": "A literal term (a string or {term, weight}), a regular expression "
            "({re, weight}) over normalised text, or a lexicon phrase list ({phrase, weight}).",
            "anyOf": [{"type": "string", "minLength": 1}, form("term"), form("re"), form("phrase")],
        }


class LangText(_Model):
    """A text in both languages."""

    ja: Text
    en: Text


class LangSignals(_Model):
    """Signals per language. Which lists must be non-empty is checked per position."""

    ja: tuple[Signal, ...] = ()
    en: tuple[Signal, ...] = ()

    def get(self, lang: Lang) -> tuple[Signal, ...]:
        return self.ja if lang == "ja" else self.en


class LangTexts(_Model):
    """Plain texts per language (exemplar sentences, role names)."""

    ja: tuple[Text, ...] = ()
    en: tuple[Text, ...] = ()

    def get(self, lang: Lang) -> tuple[str, ...]:
        return self.ja if lang == "ja" else self.en
