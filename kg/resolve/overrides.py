"""The user's own merge decisions (`kg build --merges FILE`), over the automatic ones.

No resolver is ever right about every name, so a user can say which names are one entity and which are not, one
decision a line:

    # comments and blank lines are skipped
    same: Reagan = Ronald Reagan
    different: George Bush != George W. Bush

Names are matched as the automatic rules match them (case, accents and dots folded). "same" joins every mention of
the first name to the entity of the second; "different" takes the mentions written as the first name back out of the
second's entity (and the other way round), whatever rule had joined them. They are applied after the automatic
rules, so they win over them, and each is recorded as the merge's reason with the file and line it came from.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.records import Mention
from kg.resolve.names import _key, _name_key

LINE = re.compile(r"^(same|different)\s*:\s*(.+?)\s*(=|!=)\s*(.+?)\s*$")


@dataclass(frozen=True, slots=True)
class Override:
    same: bool
    first: str
    second: str
    where: str  # "merges.txt:3"


def read_overrides(path: Path) -> tuple[Override, ...]:
    """The decisions of a --merges file; InputError names the file, the line and what a line must look like."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"--merges {path}: cannot read it ({error}); give a UTF-8 text file") from None
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = LINE.match(line.strip())
        if match is None or (match.group(1) == "same") != (match.group(3) == "="):
            raise InputError(f"{path}:{number}: cannot read {line.strip()!r}; write 'same: A = B' or "
                             f"'different: A != B'")
        found.append(Override(match.group(1) == "same", match.group(2), match.group(4), f"{path.name}:{number}"))
    return tuple(found)


def apply_overrides(overrides: tuple[Override, ...], mentions: Mapping[str, Mention],
                    keys: dict[str, tuple[str, str]], merges: dict[tuple[str, str], set[str]]) -> None:
    """Change `keys` (mention id -> the name key it stands for) as the user decided, recording why in `merges`."""
    for override in overrides:
        # The entity each of the two names stands for now: the keys its own mentions were joined to.
        joined: dict[str, set[tuple[str, str]]] = {override.first: set(), override.second: set()}
        for mention_id, mention in mentions.items():
            for name in joined:
                if _key(mention) == _name_key(mention.kind, name):
                    joined[name].add(keys[mention_id])
        targets = joined[override.second]  # one entity: the second name's, wherever it was joined to
        target = next(iter(targets)) if len(targets) == 1 else None
        for mention_id, mention in mentions.items():
            own = _key(mention)
            first = _name_key(mention.kind, override.first)
            if override.same:
                if target is not None and first in (own, keys[mention_id]) and keys[mention_id] != target:
                    _undo(merges, keys[mention_id], mention)
                    keys[mention_id] = target
                    merges[target].add(f"{mention.name} → {override.second}: the user's decision ({override.where})")
                continue
            for mine, other in ((override.first, override.second), (override.second, override.first)):
                if own == _name_key(mention.kind, mine) and keys[mention_id] != own \
                        and keys[mention_id] in joined[other]:
                    _undo(merges, keys[mention_id], mention)
                    keys[mention_id] = own  # back out of the other name's entity
                    merges[own].add(f"{mention.name} kept apart from {other}: the user's decision ({override.where})")


def _undo(merges: dict[tuple[str, str], set[str]], key: tuple[str, str], mention: Mention) -> None:
    """Drop the reasons an automatic rule gave for joining `mention`'s name to `key`: the user undid that."""
    merges[key] = {reason for reason in merges.get(key, set()) if not reason.startswith(f"{mention.name} → ")}
