"""The saved review, ``corrections/<name>.patch``: a header, then a unified diff.

The header is ``Key: value`` lines (git-trailer style) before the diff, which ``git apply`` and
``patch -p1`` skip as commentary::

    Original: seeds/chapter.txt
    Original-SHA256: 9f2c…
    Tool: review 0.1.0
    LanguageTool: 6.6
    Language: en-US
    Reviewer: Ann Editor
    Date: 2025-11-28T14:03:00+01:00
    Reviews: 2
    Sentence-s9: {"edited_chars": 41, "status": "reviewed"}
    Sentence-s12: {"comment": "check the name", "dismissed": [["MORFOLOGIK_RULE_EN_US", "Xi"]]}

    diff --git a/seeds/chapter.txt b/seeds/chapter.txt
    --- a/seeds/chapter.txt
    +++ b/seeds/chapter.txt
    @@ …

Values are JSON-quoted when they could not stand bare on one line. ``Reviews`` counts the
``Sentence-`` lines, so that a header cut short is noticed. A review that merges or splits
sentences has a ``Segmentation: {"joined": […], "split": […]}`` line before ``Reviews``
(``review.segment.Resegmentation``); the ``Sentence-`` lines name the sentences it gives. A
header without one is a review of the segmenter's sentences, as every patch was before.

The diff is the one authority for the corrected text. To know which sentence each edit belongs
to without re-segmenting the corrected text (an edit may split or join sentences), the header
records the length of every edited sentence (``edited_chars``, in code points): the gaps
between sentences are kept byte for byte, so walking the corrected text with the original's
gaps and these lengths recovers every sentence's text exactly, and any disagreement between
the header and the diff (a hand-edited or damaged patch) shows up as a mismatch and is refused.

The package: ``location`` (where the patch lives), ``header`` (rendering and parsing it),
``diff`` (the unified diff, applying it, its file names) and ``file`` (a whole patch written
from a review, read back, applied). The per-sentence records are matched with the corrected
text by the text's input format (``review.inputs``), the patch's writer for that kind of file.
"""
