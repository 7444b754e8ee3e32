"""Fetch Neo4j Community's jars from Maven Central with `mvn`, once per cache.

There is no Neo4j on PyPI or in Debian and no Docker here, but Maven Central
holds Neo4j's own artifacts: `org.neo4j:neo4j` depends on the whole
community server (Bolt, HTTP, Cypher, the kernel, the import tool).
"""

from __future__ import annotations

import shutil
import subprocess
from importlib.resources import files
from pathlib import Path
from string import Template

from kg.store.errors import ServerError
from kg.store.home import NEO4J_VERSION, ServerHome

__all__ = ["install_jars", "is_installed"]

_COPY_DEPENDENCIES = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies"


def _marker(home: ServerHome) -> Path:
    return home.cache / "installed"


def is_installed(home: ServerHome) -> bool:
    """Whether a complete copy of this version's jars is in the cache."""
    marker = _marker(home)
    return marker.is_file() and marker.read_text(encoding="utf-8").strip() == NEO4J_VERSION


def install_jars(home: ServerHome) -> bool:
    """Copy the server's runtime jars into `home.lib_dir`; False if they were already there.

    The marker file is written only after Maven succeeds, so an interrupted
    install is redone from scratch rather than leaving half a lib/.  Maven's
    own repository (a second copy of every jar) is deleted afterwards.

    Example: `install_jars(ServerHome.from_environment())`
    """
    if is_installed(home):
        return False
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ServerError("installing Neo4j needs Maven: `mvn` is not on PATH (apt-get install maven)")
    home.cache.mkdir(parents=True, exist_ok=True)
    pom = home.cache / "pom.xml"
    template = files("kg.store").joinpath("neo4j-pom.xml").read_text(encoding="utf-8")
    pom.write_text(Template(template).substitute(neo4j_version=NEO4J_VERSION), encoding="utf-8")
    shutil.rmtree(home.lib_dir, ignore_errors=True)
    command = [
        mvn,
        "-q",
        "-B",
        "-Dstyle.color=never",
        "-f",
        str(pom),
        f"-Dmaven.repo.local={home.cache / '.m2'}",
        _COPY_DEPENDENCIES,
        f"-DoutputDirectory={home.lib_dir}",
        "-DincludeScope=runtime",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()
        raise ServerError(
            f"Maven could not fetch org.neo4j:neo4j:{NEO4J_VERSION} into {home.lib_dir} "
            f"(exit code {result.returncode}); is Maven Central reachable?\n" + "\n".join(output[-20:])
        )
    _marker(home).write_text(NEO4J_VERSION + "\n", encoding="utf-8")
    shutil.rmtree(home.cache / ".m2", ignore_errors=True)
    return True
