"""kg's spaCy pipeline: language setup and kg's registered components.

The package is callable: `kg.nlp()` returns the pipeline (`kg.api.nlp`),
though importing `kg.nlp.<module>` makes `kg.nlp` this package.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallablePackage(types.ModuleType):
    def __call__(self) -> Any:
        from kg.api import nlp

        return nlp()


sys.modules[__name__].__class__ = _CallablePackage
