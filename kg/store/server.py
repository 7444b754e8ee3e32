"""Run the project's own Neo4j Community server: install, start, stop, status, bulk import.

The server is a plain JVM on the jars `install_jars` fetched, launched the
way Neo4j's own `neo4j start` does it (CommunityEntryPoint with the home and
conf directories, JVM options from neo4j.conf), detached from kg so it
outlives the command that started it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from string import Template

from kg.store.connection import open_driver
from kg.store.errors import CredentialsRefused, ServerError, StoreUnavailable
from kg.store.home import MIN_PASSWORD_LENGTH, ServerHome
from kg.store.install import install_jars, is_installed
from kg.store.settings import Neo4jSettings

__all__ = ["ServerStatus", "Neo4jServer"]

_ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
_ADMIN_TOOL = "org.neo4j.cli.AdminTool"
_POLL_SECONDS = 0.25
_LOG_LINES = 15
# What Neo4j and its admin tool write (store, auth.ini, logs) is for this user alone: 0600 files, 0700 directories.
_PRIVATE_UMASK = 0o077

# Servers this interpreter launched, kept so that it can reap them when they exit.
_launched: dict[int, subprocess.Popen] = {}


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    uri: str
    home: Path
    installed: bool


class Neo4jServer:
    """The Neo4j server whose home, jars and ports `home` describes.

    Example:
        server = Neo4jServer(ServerHome.from_environment())
        server.start()      # installs on first use; returns once Bolt answers
        server.stop()
    """

    def __init__(self, home: ServerHome) -> None:
        self.home = home

    def install(self) -> bool:
        """Fetch the jars if the cache lacks them; False if they were already there."""
        return install_jars(self.home)

    def status(self) -> ServerStatus:
        pid = self._running_pid()
        return ServerStatus(pid is not None, pid, self.home.uri, self.home.path, is_installed(self.home))

    def start(self, timeout: float = 120.0) -> ServerStatus:
        """Start the server unless it runs, and return once Bolt accepts the password.

        The first start installs the jars and sets the initial password;
        a server that does not answer within `timeout` seconds raises
        ServerError naming its log.
        """
        pid = self._running_pid()
        if pid is not None and self._configured_bolt_port() != self.home.bolt_port:
            raise ServerError(
                f"Neo4j in {self.home.path} already runs with Bolt on port {self._configured_bolt_port()}, "
                f"not {self.home.bolt_port}: stop it first (`kg neo4j stop`) to change its ports"
            )
        if pid is None:
            self.install()
            self._write_conf()
            self._set_password_before_first_start()
            self._check_ports_free()
            pid = self._launch()
        self._make_home_private()
        self._wait_until_answering(pid, timeout)
        return self.status()

    def stop(self, timeout: float = 60.0) -> int | None:
        """Stop the server and wait for its JVM to exit; the pid stopped, or None.

        Waiting for the exit matters: until then the JVM still holds the
        ports and the store's lock.
        """
        pid = self._running_pid()
        if pid is None:
            self.home.pid_file.unlink(missing_ok=True)
            return None
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _alive(pid):
            if time.monotonic() > deadline:
                raise ServerError(
                    f"Neo4j (pid {pid}) is still running {timeout:.0f} s after it was asked to stop; "
                    f"see {self.home.log_file}, or end it with `kill -9 {pid}`"
                )
            time.sleep(_POLL_SECONDS / 5)
        _launched.pop(pid, None)
        self.home.pid_file.unlink(missing_ok=True)
        return pid

    def import_full(
        self, nodes: Sequence[Path], relationships: Sequence[Path], database: str = "neo4j", array_delimiter: str = ";"
    ) -> str:
        """Replace `database` with the contents of CSV files, by Neo4j's bulk importer.

        The importer needs the server stopped: a running server is stopped,
        and started again afterwards even if the import fails.  Headers follow
        `neo4j-admin database import`: `key:ID,name,:LABEL` for nodes,
        `:START_ID,:END_ID,:TYPE` for relationships; `array_delimiter` splits
        lists and labels (a character, or a code point such as `U+001F`).
        Returns the importer's report.

        Example: `server.import_full([Path("nodes.csv")], [Path("relationships.csv")])`
        """
        was_running = self.stop() is not None
        try:
            self.install()
            self._write_conf()
            self._make_home_private()
            return self._admin(
                "database",
                "import",
                "full",
                database,  # the database name comes before the options
                *(f"--nodes={Path(path).absolute()}" for path in nodes),
                *(f"--relationships={Path(path).absolute()}" for path in relationships),
                "--overwrite-destination=true",
                "--multiline-fields=true",  # as kg's neo4j-import/import-command.txt says
                f"--array-delimiter={array_delimiter}",
            )
        finally:
            if was_running:
                self.start()

    # -- configuration and commands ------------------------------------------------

    def _write_conf(self) -> None:
        template = files("kg.store").joinpath("neo4j.conf").read_text(encoding="utf-8")
        text = Template(template).substitute(bolt_port=self.home.bolt_port, http_port=self.home.http_port)
        for directory in (self.home.conf_dir, self.home.logs_dir, self.home.import_dir, self.home.pid_file.parent):
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.home.conf_file.write_text(text, encoding="utf-8")

    def _conf(self) -> list[tuple[str, str]]:
        """The settings in neo4j.conf, in order: server.jvm.additional comes many times."""
        pairs = []
        for line in self.home.conf_file.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            if not line.startswith("#") and value:
                pairs.append((key.strip(), value.strip()))
        return pairs

    def _configured_bolt_port(self) -> int:
        """The Bolt port in neo4j.conf: a running server's, as the file is written just before a start."""
        return int(dict(self._conf())["server.bolt.listen_address"].rpartition(":")[2])

    def _jvm_options(self) -> list[str]:
        """The JVM options neo4j.conf asks for, as Neo4j's launcher reads them."""
        conf = self._conf()
        settings = dict(conf)
        heap = [f"-Xms{settings['server.memory.heap.initial_size']}", f"-Xmx{settings['server.memory.heap.max_size']}"]
        return heap + [value for key, value in conf if key == "server.jvm.additional"]

    def _java(self, *arguments: str, heap: bool) -> list[str]:
        """The java command line for `arguments` (a main class and its arguments, or an @argument file)."""
        options = self._jvm_options()
        if not heap:
            options = [option for option in options if not option.startswith(("-Xms", "-Xmx"))]
        class_path = os.pathsep.join((str(self.home.lib_dir / "*"), str(self.home.browser_dir / "*")))
        return [_java_executable(), *options, "-cp", class_path, *arguments]

    def _admin(self, *arguments: str) -> str:
        """Run neo4j-admin (AdminTool) on this home; its output, or ServerError with it.

        The main class and its arguments reach java through an argument file
        (`java @file`) that only this user can read, deleted afterwards: a
        command line is visible to every user of the machine (ps, /proc), and
        neo4j-admin 5.26 takes the initial password only as an argument (its
        set-initial-password reads no stdin, variable or file).
        """
        environment = {**os.environ, "NEO4J_HOME": str(self.home.path), "NEO4J_CONF": str(self.home.conf_dir)}
        descriptor, argument_file = tempfile.mkstemp(prefix="neo4j-admin-", suffix=".args", dir=self.home.path)
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write("".join(_java_argument(argument) + "\n" for argument in (_ADMIN_TOOL, *arguments)))
            result = subprocess.run(
                self._java(f"@{argument_file}", heap=False),
                capture_output=True,
                text=True,
                env=environment,
                cwd=self.home.path,
                umask=_PRIVATE_UMASK,
            )
        finally:
            os.unlink(argument_file)
        output = (result.stdout + result.stderr).strip()
        if result.returncode != 0:
            tail = "\n".join(output.splitlines()[-_LOG_LINES:])
            raise ServerError(f"neo4j-admin {' '.join(arguments[:3])} failed (exit code {result.returncode}):\n{tail}")
        return output

    def _make_home_private(self) -> None:
        """Make the home this user's alone: directories 0700, files without group or other permissions.

        New files are private already (Neo4j runs with umask 077); this also
        closes homes made before, and files another program put there.
        """
        self.home.path.mkdir(mode=0o700, parents=True, exist_ok=True)
        for directory, _, names in os.walk(self.home.path):
            os.chmod(directory, 0o700)
            for name in names:
                path = Path(directory) / name
                if not path.is_symlink():
                    path.chmod(stat.S_IMODE(path.stat().st_mode) & 0o700)

    # -- the process -------------------------------------------------------------------

    def _set_password_before_first_start(self) -> None:
        if self.home.initialised:
            if self.home.password() is None:
                raise ServerError(
                    f"{self.home.password_file} is missing and NEO4J_PASSWORD is not set: set NEO4J_PASSWORD to "
                    f"the password of the first start, or delete {self.home.path / 'data'} to start afresh "
                    "(its data is lost)"
                )
            return
        password = self.home.password() or self.home.create_password()
        if len(password) < MIN_PASSWORD_LENGTH:
            raise ServerError(f"NEO4J_PASSWORD is too short: Neo4j needs at least {MIN_PASSWORD_LENGTH} characters")
        self._admin("dbms", "set-initial-password", "--", password)  # `--`: a password may begin with "-"

    def _check_ports_free(self) -> None:
        ports = ((self.home.bolt_port, "KG_NEO4J_BOLT_PORT"), (self.home.http_port, "KG_NEO4J_HTTP_PORT"))
        for port, variable in ports:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    raise ServerError(
                        f"port {port} on 127.0.0.1 is taken by another program (another Neo4j?); "
                        f"stop it, or set {variable} to a free port"
                    )

    def _launch(self) -> int:
        command = self._java(
            _ENTRY_POINT, f"--home-dir={self.home.path}", f"--config-dir={self.home.conf_dir}", heap=True
        )
        descriptor = os.open(self.home.console_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with open(descriptor, "ab") as console:
            # A session of its own: Ctrl-C in the terminal that started it does not reach it.
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=console,
                stderr=subprocess.STDOUT,
                cwd=self.home.path,
                start_new_session=True,
                umask=_PRIVATE_UMASK,
            )
        _launched[process.pid] = process
        self.home.pid_file.write_text(f"{process.pid}\n", encoding="utf-8")
        return process.pid

    def _running_pid(self) -> int | None:
        try:
            pid = int(self.home.pid_file.read_text(encoding="utf-8").strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if _alive(pid) and self._is_this_server(pid) else None

    def _is_this_server(self, pid: int) -> bool:
        """Whether `pid` is still this home's JVM, not an unrelated process that reused the number."""
        try:
            arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            return True  # no /proc (not Linux): trust the pid file
        return _ENTRY_POINT.encode() in arguments and f"--home-dir={self.home.path}".encode() in arguments

    def _wait_until_answering(self, pid: int, timeout: float) -> None:
        settings = Neo4jSettings.for_server(self.home)
        deadline = time.monotonic() + timeout
        while True:
            if not _alive(pid):
                raise ServerError(f"Neo4j exited while starting; see {self._logs_named()}\n{self._log_tail()}")
            try:
                open_driver(settings).close()
                return
            except CredentialsRefused as error:
                raise ServerError(
                    f"{error}; the password is set at the first start only: to start afresh, "
                    f"`kg neo4j stop` and delete {self.home.path / 'data'} (its data is lost)"
                ) from error
            except StoreUnavailable:
                if time.monotonic() > deadline:
                    raise ServerError(
                        f"Neo4j (pid {pid}) did not answer at {self.home.uri} within {timeout:.0f} s; it may still be "
                        f"starting (`kg neo4j status`); see {self._logs_named()}\n{self._log_tail()}"
                    ) from None
                time.sleep(_POLL_SECONDS)

    def _logs_named(self) -> str:
        return f"{self.home.log_file} and {self.home.console_file.name} beside it"

    def _log_tail(self) -> str:
        lines: list[str] = []
        for log in (self.home.log_file, self.home.console_file):
            if log.is_file():
                tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-_LOG_LINES:]
                lines += [f"{log.name}: {line}" for line in tail]
        return "\n".join(lines)


def _java_argument(argument: str) -> str:
    """One argument as a line of a java @argument file: quoted, with its backslashes, quotes and line breaks
    escaped as the file's syntax asks."""
    for character, escaped in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
        argument = argument.replace(character, escaped)
    return f'"{argument}"'


def _java_executable() -> str:
    java_home = os.environ.get("JAVA_HOME")
    java = (java_home and shutil.which("java", path=str(Path(java_home) / "bin"))) or shutil.which("java")
    if not java:
        raise ServerError(
            "Neo4j needs Java 17 or later: `java` is not on PATH (apt-get install openjdk-17-jre-headless)"
        )
    return java


def _alive(pid: int) -> bool:
    """Whether process `pid` runs; a process that has exited but not been reaped (a zombie) does not."""
    if pid in _launched:
        return _launched[pid].poll() is None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state != "Z"
