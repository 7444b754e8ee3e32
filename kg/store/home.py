"""Where the project's own Neo4j lives: its jars, its home directory, its ports, its password.

The jars (about 140 MB) are shared by every checkout in a user cache; the
home (conf, data, logs, run, password) belongs to one project, in
`<project>/.neo4j/`.  The environment can move either and change the ports:

    KG_NEO4J_CACHE      the jars         (default ~/.cache/kg/neo4j-<version>)
    KG_NEO4J_HOME       the home         (default <project>/.neo4j)
    KG_NEO4J_BOLT_PORT  Bolt's port      (default 7687)
    KG_NEO4J_HTTP_PORT  the HTTP port    (default 7474)
    NEO4J_PASSWORD      the password     (default: generated once, kept in <home>/password)
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kg.store.errors import ServerError

__all__ = ["NEO4J_VERSION", "BROWSER_VERSION", "MIN_PASSWORD_LENGTH", "ServerHome", "project_root"]

# One exact release of the 5.26 long-term-support line (Java 17); Maven
# resolves an exact version at once, where a range made it list them all.
NEO4J_VERSION = "5.26.30"

# Neo4j Browser, served by the server at /browser/ from its jar on the class
# path: 5.24.0 is the newest on Maven Central, and a Bolt client of 5.26.
BROWSER_VERSION = "5.24.0"

# Neo4j refuses shorter passwords (dbms.security.auth_minimum_password_length).
MIN_PASSWORD_LENGTH = 8

_CHECKOUT = Path(__file__).resolve().parents[2]


def project_root() -> Path:
    """The source checkout kg runs from (it holds pyproject.toml), else the current directory."""
    return _CHECKOUT if (_CHECKOUT / "pyproject.toml").is_file() else Path.cwd()


def _port(environ: Mapping[str, str], name: str, default: int) -> int:
    value = environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise ServerError(f"{name} must be a port number from 1 to 65535, not {value!r}")
    return int(value)


@dataclass(frozen=True)
class ServerHome:
    """The places and ports of one Neo4j server; of the disk, only the password is written here."""

    path: Path
    cache: Path
    bolt_port: int = 7687
    http_port: int = 7474
    # NEO4J_PASSWORD, which wins over the generated password file.
    password_override: str | None = field(default=None, repr=False)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> ServerHome:
        """The project's server as the KG_NEO4J_* variables place it.

        Example: `ServerHome.from_environment().uri` → 'bolt://127.0.0.1:7687'
        """
        cache = environ.get("KG_NEO4J_CACHE") or Path.home() / ".cache" / "kg" / f"neo4j-{NEO4J_VERSION}"
        home = environ.get("KG_NEO4J_HOME") or project_root() / ".neo4j"
        return cls(
            path=Path(home).absolute(),
            cache=Path(cache).absolute(),
            bolt_port=_port(environ, "KG_NEO4J_BOLT_PORT", 7687),
            http_port=_port(environ, "KG_NEO4J_HTTP_PORT", 7474),
            password_override=environ.get("NEO4J_PASSWORD") or None,
        )

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def lib_dir(self) -> Path:
        return self.cache / "lib"

    @property
    def browser_dir(self) -> Path:
        """Neo4j Browser's jar, apart from lib/ so that adding it never refetches the server's jars."""
        return self.cache / f"browser-{BROWSER_VERSION}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"

    @property
    def conf_dir(self) -> Path:
        return self.path / "conf"

    @property
    def conf_file(self) -> Path:
        return self.conf_dir / "neo4j.conf"

    @property
    def import_dir(self) -> Path:
        """The only directory LOAD CSV may read (neo4j.conf's server.directories.import)."""
        return self.path / "import"

    @property
    def logs_dir(self) -> Path:
        return self.path / "logs"

    @property
    def log_file(self) -> Path:
        """Neo4j's own log: start-up, shutdown, errors."""
        return self.logs_dir / "neo4j.log"

    @property
    def console_file(self) -> Path:
        """The JVM's stdout and stderr: what goes wrong before Neo4j's logging starts."""
        return self.logs_dir / "console.log"

    @property
    def pid_file(self) -> Path:
        # Not run/neo4j.pid: Neo4j deletes that one as it begins to shut down.
        return self.path / "run" / "kg-neo4j.pid"

    @property
    def password_file(self) -> Path:
        return self.path / "password"

    @property
    def initialised(self) -> bool:
        """Whether the server has started once: its system database holds the users from then on."""
        return (self.path / "data" / "databases" / "system").is_dir()

    def password(self) -> str | None:
        """NEO4J_PASSWORD, else the generated one in the password file, else None."""
        if self.password_override:
            return self.password_override
        if self.password_file.is_file():
            return self.password_file.read_text(encoding="utf-8").strip()
        return None

    def create_password(self) -> str:
        """Generate the password for a first start and keep it readable by this user only."""
        password = secrets.token_hex(16)  # no "-" or "_": nothing a command line could take for an option
        self.path.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(self.password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(password + "\n")
        return password
