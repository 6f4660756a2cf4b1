"""Who takes part: an opaque member reference made by an adapter, with a display name."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Member"]


@dataclass(frozen=True)
class Member:
    """A member of a community.

    Attributes:
        id: opaque id made by the adapter (``"discord:42"``, ``"console:alice"``); the engine keys everything on it.
        name: display name, stored for leaderboards (the latest one seen wins).
    """

    id: str
    name: str
