"""Finds and loads libmlopt.so.

Lookup order (the install step relies on it):
  1. the environment variable MLOPT_LIBRARY, a path to libmlopt.so;
  2. mlopt/_config.py, written by `cmake --install`, defining LIBRARY;
  3. ctypes.util.find_library("mlopt") (the system's library path).
"""
import ctypes
import ctypes.util
import os


def _candidates():
    """Yields (where it came from, path) in lookup order."""
    env = os.environ.get("MLOPT_LIBRARY")
    if env:
        yield "MLOPT_LIBRARY", env
    try:
        from ._config import LIBRARY
    except ImportError:
        LIBRARY = None
    if LIBRARY:
        yield "mlopt/_config.py", LIBRARY
    found = ctypes.util.find_library("mlopt")
    if found:
        yield "ctypes.util.find_library('mlopt')", found


def load():
    """Returns the loaded library (a ctypes.CDLL) and its path, or raises
    ImportError saying what was searched and how to point at the library."""
    tried = []
    for where, path in _candidates():
        try:
            return ctypes.CDLL(path), path
        except OSError as e:
            tried.append("%s: %s (%s)" % (where, path, e))
            if where == "MLOPT_LIBRARY":
                break  # an explicit choice that fails is not overridden
    if not tried:
        tried.append("MLOPT_LIBRARY is not set, mlopt/_config.py is absent, "
                     "and ctypes.util.find_library('mlopt') found nothing")
    raise ImportError(
        "mlopt: cannot load libmlopt.so; searched:\n  " + "\n  ".join(tried) +
        "\nSet MLOPT_LIBRARY to the library's path, e.g. "
        "MLOPT_LIBRARY=build/lib/libmlopt.so, or install mlopt "
        "(cmake --install).")
