"""What a bilingual file is, once read: units with their source, target and target's place."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

# A unit's own text may hold ⟨ and ⟩ (a math text, a quoted token). Only a ⟨ right before a
# digit or "/" could be read as a tag token, so only that ⟨ is marked, with an invisible
# WORD JOINER after it; the mark is taken out again wherever the text leaves the view (the file,
# LanguageTool). Why a mark the eye cannot see rather than an escape it can (``⟨⟨``): the
# brackets must show as the translator typed them, and tokens keep the one form every
# checker, test and user already knows. A ⟨ the file already has before a WORD JOINER is
# marked too, so reading the view back is never ambiguous.
LITERAL_MARK = "\u2060"
_MAY_READ_AS_TOKEN = re.compile(r"⟨(?=[/\d\u2060])")


def shown(text: str) -> str:
    """Literal text as the view shows it: each ⟨ that could start a token marked."""
    return _MAY_READ_AS_TOKEN.sub("⟨" + LITERAL_MARK, text) if "⟨" in text else text


class TagKind(enum.Enum):
    OPEN = "open"
    CLOSE = "close"
    STANDALONE = "standalone"


@dataclass(frozen=True, slots=True)
class Tag:
    """An inline tag or placeholder, shown to the editor as a protected token.

    ``markup`` is the exact original text in the file's syntax (``<g id="1">``, ``%(name)s``);
    an opening and its closing share ``number``. ``nests`` is true when the pair is an element's
    start and end tag, which must nest properly (XML stays well-formed); paired codes such as
    ``<bpt>``/``<ept>`` or ``<sc/>``/``<ec/>`` may overlap.
    """

    number: int
    kind: TagKind
    markup: str
    nests: bool = False

    @property
    def token(self) -> str:
        if self.kind is TagKind.OPEN:
            return f"⟨{self.number}⟩"
        if self.kind is TagKind.CLOSE:
            return f"⟨/{self.number}⟩"
        return f"⟨{self.number}/⟩"


@dataclass(frozen=True, slots=True)
class Content:
    """A source or target: plain text (entities and escapes decoded) between tags."""

    parts: tuple[str | Tag, ...] = ()

    @property
    def text(self) -> str:
        """The display form, tags as tokens (literal text as ``shown``)."""
        return "".join(shown(p) if isinstance(p, str) else p.token for p in self.parts)

    @property
    def tags(self) -> tuple[Tag, ...]:
        return tuple(p for p in self.parts if isinstance(p, Tag))


class TargetForm(enum.Enum):
    """How the target stands in the file, which decides how a writer puts new text there."""

    CONTENT = "content"  # target_span is the content between the element's tags (or the field)
    EMPTY_ELEMENT = "empty-element"  # target_span is the whole ``<target/>``
    MISSING = "missing"  # no target: target_span is the empty place where one is inserted


@dataclass(frozen=True, slots=True)
class Unit:
    """A trans-unit (or one of its segments), PO message (or one plural form), TMX TU, TSV line
    or aligned paragraph.

    ``id`` is stable: derived from the file's own id or a hash of the source, never from the
    position, so that a unit moved in the file keeps its review. ``target_span`` is the
    ``(start, end)`` character span, in the decoded file text, that a writer replaces.
    ``state_span`` is where the state lives when it is not in the target span (the target or
    segment start tag in XLIFF, the ``#,`` flags line in PO).
    """

    id: str
    source: Content
    target: Content
    target_span: tuple[int, int]
    target_form: TargetForm = TargetForm.CONTENT
    context: str = ""
    notes: tuple[str, ...] = ()
    state: str = ""
    state_span: tuple[int, int] | None = None
    segmented: bool = False

    @property
    def source_text(self) -> str:
        return self.source.text

    @property
    def target_text(self) -> str:
        return self.target.text

    @property
    def required_tags(self) -> tuple[Tag, ...]:
        """The tags an edited target must carry: the target's own, or the source's when the
        target is still empty (a first translation copies the source's codes)."""
        return self.target.tags if self.target.parts else self.source.tags

    @property
    def optional_tags(self) -> tuple[Tag, ...]:
        """The source's tags the target lacks, which an edit may add (numbers are shared)."""
        present = {t.number for t in self.required_tags}
        return tuple(t for t in self.source.tags if t.number not in present)


@dataclass(frozen=True, slots=True)
class BilingualText:
    """A bilingual file as read. Languages are as the file gives them ("" when it does not)."""

    format: str
    source_language: str
    target_language: str
    units: tuple[Unit, ...]


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What the command line may add: the language pair to take from a TMX, and the source
    file's text for a pair of plain files aligned by paragraph."""

    source_language: str = ""
    target_language: str = ""
    source_text: str | None = None
    source_name: str = ""
