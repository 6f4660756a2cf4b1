"""YAML documents that remember where each value came from, for file:line errors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = ["YamlDocument", "YamlSourceError", "load_yaml"]

# libyaml's loader is ten times faster; both are safe loaders (no arbitrary objects).
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlSourceError(ValueError):
    """A YAML file that cannot be parsed, with the file and line at fault."""

    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: {message}")
        self.file = file
        self.line = line
        self.message = message


@dataclass(frozen=True)
class YamlDocument:
    """A parsed YAML document plus the 1-based line of every value, keyed by path.

    A path is a tuple of mapping keys and sequence indexes, e.g.
    ``("questions", 3, "options")``.
    """

    file: str
    data: Any
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)

    def line_of(self, path: Sequence[Any]) -> int:
        """The line of the value at ``path``, or of its nearest ancestor that has one."""
        key = tuple(path)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.lines.get((), 1)


def _walk(node: yaml.Node, path: tuple[Any, ...], lines: dict[tuple[Any, ...], int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.start_mark)
            _walk(value_node, (*path, key), lines)
            # Point a key's path at the key's own line: that is where an editor should jump.
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines)


def load_yaml(path: Path, display: str | None = None) -> YamlDocument:
    """Parse one YAML file safely, recording the line of every value.

    Args:
        path: the file to read (UTF-8, with or without BOM).
        display: the name to use in messages; defaults to ``str(path)``.

    Raises:
        YamlSourceError: the file cannot be read or is not valid YAML.
    """
    name = display or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlSourceError(name, 1, f"cannot read: {exc}") from exc
    try:
        node = yaml.compose(text, Loader=_LOADER)
        data = yaml.load(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raise YamlSourceError(name, line, f"invalid YAML: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise YamlSourceError(name, 1, f"invalid YAML: {exc}") from exc
    lines: dict[tuple[Any, ...], int] = {}
    if node is not None:
        _walk(node, (), lines)
    return YamlDocument(file=name, data=data, lines=lines)
