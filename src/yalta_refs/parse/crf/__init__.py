"""A trained sequence labeller (CRF) for references in any style.

:func:`parse_crf` tokenises one reference, labels every token with a field
(:mod:`.features`, a python-crfsuite model shipped as ``model-v1.crfsuite``)
and assembles a :class:`~yalta_refs.model.Reference` from the labels
(:mod:`.assemble`). The model is read once, on first use; importing this
package loads neither python-crfsuite nor the model.

``python -m yalta_refs.parse.crf.train`` rebuilds the model from ``../shared``.
"""

from __future__ import annotations

from .tagger import MODEL_PATH, load_tagger, parse_crf, tag_tokens

__all__ = ["MODEL_PATH", "load_tagger", "parse_crf", "tag_tokens"]
