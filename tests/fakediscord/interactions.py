"""INTERACTION_CREATE payloads: slash commands built against the registered schema, clicks, modal submits."""

from __future__ import annotations

from typing import Any

from fakediscord.payloads import FakeChannel, FakeUser, channel_payload, member_payload, user_payload

__all__ = ["command_data", "modal_components"]

SUB_COMMAND, SUB_COMMAND_GROUP = 1, 2
STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, MENTIONABLE, NUMBER = 3, 4, 5, 6, 7, 8, 9, 10


def _find(options: list[dict[str, Any]], name: str, kinds: tuple[int, ...]) -> dict[str, Any]:
    for option in options:
        if option["name"] == name and option["type"] in kinds:
            return option
    raise AssertionError(f"no registered option {name!r} of type {kinds}: the synced schema lacks it")


def command_data(
    commands: list[dict[str, Any]],
    path: str,
    values: dict[str, Any],
    *,
    focused: str | None = None,
) -> dict[str, Any]:
    """The ``data`` of a slash command or autocomplete interaction, checked against the registered schema.

    Args:
        commands: the commands the bot registered (global or guild).
        path: "quiz start", "daily setup" or a plain command name.
        values: option name → value (FakeUser/FakeChannel for user/channel options).
        focused: for autocomplete, the option being typed.

    Raises:
        AssertionError: the command or an option is not registered, a required option is missing, or a value
            is not among the registered choices (Discord's client would not let a member send it).
    """
    top, *rest = path.split()
    command = next((c for c in commands if c["name"] == top and c.get("type", 1) == 1), None)
    if command is None:
        raise AssertionError(f"slash command {top!r} is not registered")
    data: dict[str, Any] = {"id": command["id"], "name": top, "type": 1}
    if "guild_id" in command:
        data["guild_id"] = command["guild_id"]
    resolved: dict[str, dict[str, Any]] = {}
    holder = data
    schema = command
    for name in rest:
        schema = _find(schema.get("options", []), name, (SUB_COMMAND, SUB_COMMAND_GROUP))
        child: dict[str, Any] = {"type": schema["type"], "name": name}
        holder["options"] = [child]
        holder = child
    holder["options"] = [_option(schema, name, value, resolved, focused == name) for name, value in values.items()]
    for option in schema.get("options", []):
        if option.get("required") and option["name"] not in values and focused is None:
            raise AssertionError(f"required option {option['name']!r} of {path!r} is missing")
    if resolved:
        data["resolved"] = resolved
    return data


def _option(
    schema: dict[str, Any], name: str, value: Any, resolved: dict[str, dict[str, Any]], focused: bool
) -> dict[str, Any]:
    option = _find(schema.get("options", []), name, (STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE, NUMBER))
    kind = option["type"]
    out: dict[str, Any] = {"name": name, "type": kind}
    if focused:
        out.update(value=str(value), focused=True)
        return out
    if kind == USER:
        assert isinstance(value, FakeUser)
        resolved.setdefault("users", {})[str(value.id)] = user_payload(value)
        member = member_payload(value)
        member.pop("user")
        resolved.setdefault("members", {})[str(value.id)] = member
        out["value"] = str(value.id)
    elif kind == CHANNEL:
        assert isinstance(value, FakeChannel)
        payload = channel_payload(value)
        payload["permissions"] = "0"
        resolved.setdefault("channels", {})[str(value.id)] = payload
        out["value"] = str(value.id)
    else:
        choices = [c["value"] for c in option.get("choices") or []]
        if choices and value not in choices:
            raise AssertionError(f"{value!r} is not a registered choice of {name!r}: {choices}")
        out["value"] = value
    return out


def modal_components(modal: dict[str, Any], values: dict[str, str]) -> list[dict[str, Any]]:
    """The submitted components of a modal the bot opened, filled with ``values`` (custom_id or label → text)."""
    submitted: list[dict[str, Any]] = []
    for component in modal["components"]:
        if component["type"] == 1:
            inputs = component["components"]
            submitted.append({"type": 1, "components": [_filled(i, values) for i in inputs]})
        elif component["type"] == 18:
            submitted.append({"type": 18, "component": _filled(component["component"], values)})
    return submitted


def _filled(text_input: dict[str, Any], values: dict[str, str]) -> dict[str, Any]:
    value = values.get(text_input["custom_id"], values.get(text_input.get("label", ""), ""))
    if text_input.get("required", True) and not value:
        raise AssertionError(f"modal field {text_input['custom_id']!r} is required")
    if len(value) > int(text_input.get("max_length") or 4000):
        raise AssertionError(f"modal field {text_input['custom_id']!r} is longer than its max_length")
    return {"type": 4, "custom_id": text_input["custom_id"], "value": value}
