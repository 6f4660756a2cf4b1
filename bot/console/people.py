"""Who is typing in the console room, and who moderates it.

The console has no accounts: ``/as NAME`` switches the speaker, and ``/as NAME mod`` also
makes NAME a moderator. The first speaker, ``you``, moderates from the start, so a new user
can try every command at once. Moderators live only as long as the process (the database
knows members, not console roles).
"""

from __future__ import annotations

from quizcore.members import Member

__all__ = ["DEFAULT_SPEAKER", "People"]

DEFAULT_SPEAKER = "you"


class People:
    """The speakers of the console room.

    Args:
        first: who is typing at start (a moderator).
    """

    def __init__(self, first: str = DEFAULT_SPEAKER) -> None:
        self.current = first
        self._moderators = {first.casefold()}

    @staticmethod
    def member(name: str) -> Member:
        """The engine's member for a console name (ids ignore case: ``Alice`` and ``alice`` are one person)."""
        return Member(id=f"console:{name.casefold()}", name=name)

    @property
    def speaker(self) -> Member:
        """The member typing now."""
        return self.member(self.current)

    def is_moderator(self, name: str | None = None) -> bool:
        """Whether ``name`` (default: the speaker) moderates the room."""
        return (name or self.current).casefold() in self._moderators

    def switch(self, name: str, *, moderator: bool = False) -> Member:
        """Make ``name`` the speaker, a moderator too when asked; returns the new speaker."""
        self.current = name
        if moderator:
            self._moderators.add(name.casefold())
        return self.speaker
