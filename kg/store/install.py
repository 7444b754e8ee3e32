"""Fetch Neo4j Community's jars and Neo4j Browser from Maven Central with `mvn`, once per cache.

There is no Neo4j on PyPI or in Debian and no Docker here, but Maven Central
holds Neo4j's own artifacts: `org.neo4j:neo4j` depends on the whole
community server (Bolt, HTTP, Cypher, the kernel, the import tool), and
`org.neo4j.client:neo4j-browser` is the web app the server serves at
/browser/ when its jar is on the class path.
"""

from __future__ import annotations

import shutil
import subprocess
from importlib.resources import files
from pathlib import Path
from string import Template

from kg.store.errors import ServerError
from kg.store.home import BROWSER_VERSION, NEO4J_VERSION, ServerHome

__all__ = ["install_jars", "install_browser", "is_installed"]

_COPY_DEPENDENCIES = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies"


def _server_marker(home: ServerHome) -> Path:
    return home.cache / "installed"


def _browser_marker(home: ServerHome) -> Path:
    return home.browser_dir / "installed"


def _has(marker: Path, version: str) -> bool:
    return marker.is_file() and marker.read_text(encoding="utf-8").strip() == version


def is_installed(home: ServerHome) -> bool:
    """Whether complete copies of this version's jars and of Neo4j Browser are in the cache."""
    return _has(_server_marker(home), NEO4J_VERSION) and _has(_browser_marker(home), BROWSER_VERSION)


def install_jars(home: ServerHome) -> bool:
    """Copy the server's runtime jars into `home.lib_dir`, and Neo4j Browser's into `home.browser_dir`;
    False if both were already there.

    Each marker file is written only after Maven succeeds, so an interrupted
    install is redone from scratch rather than leaving half a lib/.  Maven's
    own repository (a second copy of every jar) is deleted afterwards.

    Example: `install_jars(ServerHome.from_environment())`
    """
    server = _fetch(
        home,
        "neo4j-pom.xml",
        {"neo4j_version": NEO4J_VERSION},
        home.lib_dir,
        _server_marker(home),
        f"org.neo4j:neo4j:{NEO4J_VERSION}",
    )
    return install_browser(home) or server


def install_browser(home: ServerHome) -> bool:
    """Copy Neo4j Browser's jar into `home.browser_dir`; False if it was already there."""
    return _fetch(
        home,
        "browser-pom.xml",
        {"browser_version": BROWSER_VERSION},
        home.browser_dir,
        _browser_marker(home),
        f"org.neo4j.client:neo4j-browser:{BROWSER_VERSION}",
    )


def _fetch(home: ServerHome, pom_name: str, versions: dict[str, str], output: Path, marker: Path, what: str) -> bool:
    """Run Maven's copy-dependencies on kg's pom `pom_name` into `output`, unless `marker` says it is done."""
    version = next(iter(versions.values()))
    if _has(marker, version):
        return False
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ServerError("installing Neo4j needs Maven: `mvn` is not on PATH (apt-get install maven)")
    home.cache.mkdir(parents=True, exist_ok=True)
    pom = home.cache / pom_name
    template = files("kg.store").joinpath(pom_name).read_text(encoding="utf-8")
    pom.write_text(Template(template).substitute(versions), encoding="utf-8")
    shutil.rmtree(output, ignore_errors=True)
    command = [
        mvn,
        "-q",
        "-B",
        "-Dstyle.color=never",
        "-f",
        str(pom),
        f"-Dmaven.repo.local={home.cache / '.m2'}",
        _COPY_DEPENDENCIES,
        f"-DoutputDirectory={output}",
        "-DincludeScope=runtime",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        lines = (result.stdout + result.stderr).strip().splitlines()
        raise ServerError(
            f"Maven could not fetch {what} into {output} "
            f"(exit code {result.returncode}); is Maven Central reachable?\n" + "\n".join(lines[-20:])
        )
    marker.write_text(version + "\n", encoding="utf-8")
    shutil.rmtree(home.cache / ".m2", ignore_errors=True)
    return True
