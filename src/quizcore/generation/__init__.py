"""Question generation: turning notes and a glossary into a bank of good questions."""

from quizcore.generation.build import (
    GENERATOR_VERSION,
    BuildResult,
    BuildStats,
    build_bank,
    build_from_folder,
    default_cache_dir,
    load_bank,
    load_glossary,
)

__all__ = [
    "GENERATOR_VERSION",
    "BuildResult",
    "BuildStats",
    "build_bank",
    "build_from_folder",
    "default_cache_dir",
    "load_bank",
    "load_glossary",
]
