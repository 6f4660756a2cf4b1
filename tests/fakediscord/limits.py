"""Discord's validation of what a bot sends (the part the fake can check): sizes, counts and names.

Real Discord answers a payload breaking these with 400 "Invalid Form Body" (code 50035).
"""

from __future__ import annotations

from typing import Any

__all__ = ["command_problems", "message_problems"]

_EMBED_TOTAL = 6000


def _too_long(where: str, value: Any, limit: int) -> list[str]:
    if isinstance(value, str) and len(value) > limit:
        return [f"{where} is {len(value)} characters (limit {limit})"]
    return []


def _embed_problems(index: int, embed: dict[str, Any]) -> list[str]:
    where = f"embeds[{index}]"
    problems = _too_long(f"{where}.title", embed.get("title"), 256)
    problems += _too_long(f"{where}.description", embed.get("description"), 4096)
    problems += _too_long(f"{where}.footer.text", (embed.get("footer") or {}).get("text"), 2048)
    fields = embed.get("fields") or []
    if len(fields) > 25:
        problems.append(f"{where} has {len(fields)} fields (limit 25)")
    for n, fld in enumerate(fields):
        problems += _too_long(f"{where}.fields[{n}].name", fld.get("name"), 256)
        problems += _too_long(f"{where}.fields[{n}].value", fld.get("value"), 1024)
        if not fld.get("name") or not fld.get("value"):
            problems.append(f"{where}.fields[{n}] has an empty name or value")
    total = sum(len(embed.get(k) or "") for k in ("title", "description"))
    total += len((embed.get("footer") or {}).get("text") or "")
    total += sum(len(f.get("name") or "") + len(f.get("value") or "") for f in fields)
    if total > _EMBED_TOTAL:
        problems.append(f"{where} holds {total} characters (limit {_EMBED_TOTAL})")
    return problems


def _component_problems(rows: list[dict[str, Any]]) -> list[str]:
    problems = [] if len(rows) <= 5 else [f"{len(rows)} action rows (limit 5)"]
    for r, row in enumerate(rows):
        buttons = row.get("components") or []
        if len(buttons) > 5:
            problems.append(f"components[{r}] has {len(buttons)} buttons (limit 5)")
        for b, button in enumerate(buttons):
            problems += _too_long(f"components[{r}][{b}].label", button.get("label"), 80)
            problems += _too_long(f"components[{r}][{b}].custom_id", button.get("custom_id"), 100)
    return problems


def message_problems(body: dict[str, Any]) -> list[str]:
    """Why Discord would refuse this message create/edit payload (empty when it is fine)."""
    problems = _too_long("content", body.get("content"), 2000)
    embeds = body.get("embeds") or []
    if len(embeds) > 10:
        problems.append(f"{len(embeds)} embeds (limit 10)")
    for index, embed in enumerate(embeds):
        problems += _embed_problems(index, embed)
    return problems + _component_problems(body.get("components") or [])


def _valid_name(name: str) -> bool:
    return 1 <= len(name) <= 32 and name == name.lower() and all(c.isalnum() or c in "-_" for c in name)


def _named_problems(where: str, item: dict[str, Any], *, has_description: bool) -> list[str]:
    problems = [] if _valid_name(item["name"]) else [f"{where} name {item['name']!r} is not a valid command name"]
    for locale, name in (item.get("name_localizations") or {}).items():
        if not _valid_name(name):
            problems.append(f"{where} {locale} name {name!r} is not a valid command name")
    if has_description:
        for text in [item.get("description", ""), *(item.get("description_localizations") or {}).values()]:
            if not 1 <= len(text) <= 100:
                problems.append(f"{where} description {text!r} must be 1-100 characters")
    return problems


def command_problems(command: dict[str, Any], where: str = "") -> list[str]:
    """Why Discord would refuse this application command (or option) in a bulk overwrite."""
    where = f"{where}/{command['name']}"
    problems = _named_problems(where, command, has_description=command.get("type", 1) in (1, 2, 3, 4, 5, 6, 7, 8, 10))
    options = command.get("options") or []
    if len(options) > 25:
        problems.append(f"{where} has {len(options)} options (limit 25)")
    choices = command.get("choices") or []
    if len(choices) > 25:
        problems.append(f"{where} has {len(choices)} choices (limit 25)")
    for choice in choices:
        if not 1 <= len(choice["name"]) <= 100:
            problems.append(f"{where} choice {choice['name']!r} must be 1-100 characters")
    for option in options:
        problems += command_problems(option, where)
    return problems
