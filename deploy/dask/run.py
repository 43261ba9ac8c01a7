#!/usr/bin/env python3
"""A report over shards on a Dask cluster: `reports aggregate` per shard on the workers, `reports build --partials` here.

    run.py --local-workers 2 --descriptions desc.csv --prompts "shards/*.jsonl.zst" --out out/ [report options]
    run.py --scheduler tcp://scheduler:8786 --reports "dotnet /opt/reports/reports.dll" ...

The workers run the `reports` command, and read the shards and write the partials at the paths this client sees
(shared storage), or with --shards-on-workers find the shards on their own disks and send the partials back.
aggregate.csv and tokens.csv are the bytes `reports build --prompts` over the same shards writes.
docs/distributed.md says when to use it, and how workers get the command.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import logging
import os
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Sequence

try:
    from distributed import Client, LocalCluster, wait
    from distributed.comm import get_address_host
except ImportError:
    print("run.py: needs Dask's distributed package: apt-get install python3-distributed (Debian) or pip install distributed",
          file=sys.stderr)
    sys.exit(2)

PARTIAL_PATTERN = "part-*.partial.jsonl.gz"
DATA_ERRORS, USAGE_ERRORS = 1, 2
# Dask cuts a task's exception longer than distributed.admin.max-error-length (10,000) and rebuilds it with other
# arguments; a shard's first errors say enough.
MAX_MESSAGE = 8000
# Options given to both commands (the partials keep the K strongest prompts the report shows), and to the merge only.
AGGREGATE_OPTIONS = ["--top-prompts", "--max-line-length", "--no-input-hashes"]
BUILD_OPTIONS = ["--title", "--name", "--feature-pages", "--feature-pages-by", "--heatmap-order", "--heatmap-features",
                 "--include-features", "--no-render"]


class Stop(Exception):
    """A problem found before any task runs: its message is printed, and the script exits with its code."""

    def __init__(self, exit_code: int, message: str) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class AggregateFailed(Exception):
    """`reports aggregate` failed on a worker: its exit code and what it printed (located RPT errors for bad data)."""

    def __init__(self, exit_code: int, message: str) -> None:
        super().__init__(exit_code, message)
        self.exit_code = exit_code
        self.message = message

    def __str__(self) -> str:
        return self.message


def aggregate(reports: Sequence[str], shards: Sequence[str], partial: str, options: Sequence[str]) -> str:
    """The task, run on a worker: the partial aggregate of some shards, written to `partial`; returns its path."""
    command = [*reports, "aggregate", *(a for shard in shards for a in ("--prompts", shard)), "--out", partial, *options]
    try:
        done = subprocess.run(command, capture_output=True, text=True)
    except OSError as error:  # the command is not there: a worker without the tool
        message = f"run.py: cannot run {shlex.join(reports)} on {socket.gethostname()}: {error}"
        raise AggregateFailed(USAGE_ERRORS, message) from None
    if done.returncode != 0:
        message = done.stderr.rstrip("\n") or f"{shlex.join(command)} exited with {done.returncode}"
        if len(message) > MAX_MESSAGE:
            kept = message[:MAX_MESSAGE].rsplit("\n", 1)[0]
            left_out = message.count("\n") - kept.count("\n")
            message = f"{kept}\n... and {left_out} more line(s)"
        raise AggregateFailed(done.returncode, message)
    return done.stdout.strip()


def aggregate_to_bytes(reports: Sequence[str], shards: Sequence[str], options: Sequence[str]) -> bytes:
    """The task with --shards-on-workers: the partial is written on the worker's own disk and travels back as bytes."""
    with tempfile.TemporaryDirectory() as directory:
        with open(aggregate(reports, shards, os.path.join(directory, "part.partial.jsonl.gz"), options), "rb") as partial:
            return partial.read()


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="run.py",
        description="A report over prompts shards: `reports aggregate` per shard on a Dask cluster, "
                    "then `reports build --partials`.",
        epilog="Exit codes: 0 success, 1 errors in the inputs (printed as file(line,col): error RPTnnn), 2 wrong usage.")
    cluster = parser.add_mutually_exclusive_group(required=True)
    cluster.add_argument("--scheduler", metavar="ADDRESS", help="a running cluster's scheduler, e.g. tcp://10.0.0.5:8786")
    cluster.add_argument("--local-workers", metavar="N", type=int, help="start a cluster of N worker processes on this machine")
    parser.add_argument("--descriptions", required=True, metavar="CSV", help="the feature descriptions (read here, by the merge)")
    parser.add_argument("--prompts", required=True, action="append", metavar="GLOB",
                        help="shards: a path or a quoted glob (** for any depth), repeatable; a path that is not here is "
                             "passed on as is, for the worker to read")
    parser.add_argument("--out", required=True, metavar="DIR", help="the report's folder")
    parser.add_argument("--shards-on-workers", action="store_true",
                        help="the shards are on the workers' own disks: --prompts (absolute) is expanded on each worker, "
                             "a shard's task runs on the machine that lists it, and its partial comes back here")
    parser.add_argument("--partials-dir", metavar="DIR", help="where the partials go (default: OUT/partials)")
    parser.add_argument("--shards-per-task", type=int, default=1, metavar="N",
                        help="consecutive shards aggregated by one task (default 1); the report is the same for any N")
    parser.add_argument("--reports", metavar="COMMAND",
                        help='how to run the reports command, here and on the workers: "reports" (the .NET tool, the '
                             'default when on PATH) or "dotnet /path/to/reports.dll"')
    parser.add_argument("--top-prompts", type=int, metavar="K", help="strongest prompts kept per feature (default 5)")
    parser.add_argument("--max-line-length", metavar="SIZE", help="the longest line accepted, e.g. 64M (default)")
    parser.add_argument("--no-input-hashes", action="store_true", help="skip the shards' SHA-256 (a second read of each)")
    parser.add_argument("--verbose", action="store_true", help="print each step on standard error")
    report = parser.add_argument_group("report options, passed to `reports build` (see `reports --help`)")
    for option in BUILD_OPTIONS[:-1]:
        report.add_argument(option, metavar="VALUE")
    report.add_argument("--no-render", action="store_true", help="write only the data files")
    arguments = parser.parse_args(argv)
    if arguments.local_workers is not None and arguments.local_workers < 1:
        parser.error("--local-workers needs at least 1")
    if arguments.shards_per_task < 1:
        parser.error("--shards-per-task needs at least 1")
    if arguments.shards_on_workers and not all(os.path.isabs(pattern) for pattern in arguments.prompts):
        parser.error("--shards-on-workers needs absolute --prompts paths: the workers' folders, not this one's")
    return arguments


def reports_command(given: str | None) -> list[str]:
    if given:
        return shlex.split(given)
    if shutil.which("reports"):
        return ["reports"]
    raise Stop(USAGE_ERRORS, "no `reports` command on PATH: install it (dotnet tool install --global ActivationReports.Tool) "
                             'or name it with --reports "dotnet /path/to/reports.dll" (docs/distributed.md)')


def expand_shards(patterns: Sequence[str]) -> list[str]:
    """The shards, absolute and sorted. A glob is expanded here, so it must match here; a plain path is kept unchecked."""
    shards: set[str] = set()
    for pattern in patterns:
        if glob.has_magic(pattern):
            matched = [p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p)]
            if not matched:
                raise Stop(DATA_ERRORS, f"expected '{pattern}' to match shards, found none; check the pattern in --prompts")
            shards.update(os.path.abspath(p) for p in matched)
        else:
            shards.add(os.path.abspath(pattern))
    return sorted(shards)


def option_values(arguments: argparse.Namespace, names: Sequence[str]) -> list[str]:
    """The given options among `names`, spelled for the reports command."""
    values: list[str] = []
    for name in names:
        value = getattr(arguments, name.removeprefix("--").replace("-", "_"))
        if value is True:
            values.append(name)
        elif value not in (None, False):
            values += [name, str(value)]
    return values


def shards_here(patterns: Sequence[str]) -> dict[str, list[str]]:
    """Run on every worker with --shards-on-workers: the shards its machine sees, by pattern."""
    return {pattern: [p for p in glob.glob(pattern, recursive=True) if os.path.isfile(p)] for pattern in patterns}


def tasks_on_workers(client: Client, patterns: Sequence[str], per_task: int) -> list[tuple[str | None, list[str]]]:
    """Each machine's shards, as its workers list them, in groups pinned to it; a path two machines see is refused."""
    listings = client.run(shards_here, patterns)
    for pattern in patterns:
        if not any(listing[pattern] for listing in listings.values()):
            raise Stop(DATA_ERRORS,
                       f"expected '{pattern}' to match shards on the workers, found none; check the pattern in --prompts")
    host_of: dict[str, str] = {}
    for worker, listing in listings.items():
        host = get_address_host(worker)
        for shard in (shard for matched in listing.values() for shard in matched):
            if host_of.setdefault(shard, host) != host:
                raise Stop(USAGE_ERRORS, f"expected each shard on one machine, found {shard} on {host_of[shard]} and {host}; "
                                         "leave out --shards-on-workers for shared storage")
    shards = sorted(host_of)
    groups: dict[str, list[list[str]]] = {}
    for shard in shards:  # consecutive shards of one machine share a task
        host_groups = groups.setdefault(host_of[shard], [[]])
        if len(host_groups[-1]) == per_task:
            host_groups.append([])
        host_groups[-1].append(shard)
    tasks: list[tuple[str | None, list[str]]] = [(host, group) for host, host_groups in groups.items() for group in host_groups]
    return sorted(tasks, key=lambda task: task[1][0])


def map_shards(arguments: argparse.Namespace, reports: list[str], shards: list[str], partials: str) -> int:
    """The map step: a `reports aggregate` task per group of shards; prints what failed, returns 0 or the worst exit code."""
    options = option_values(arguments, AGGREGATE_OPTIONS)
    # Each task runs a command that uses every core of its machine: one task per worker process at a time.
    # A local cluster's workers log a failed task as a warning here; the errors are printed once, below, instead.
    cluster = (LocalCluster(n_workers=arguments.local_workers, threads_per_worker=1, processes=True,
                            dashboard_address=None, silence_logs=logging.ERROR)
               if arguments.local_workers else contextlib.nullcontext(arguments.scheduler))
    with cluster as address, Client(address) as client:
        per_task = arguments.shards_per_task
        tasks: list[tuple[str | None, list[str]]] = (
            tasks_on_workers(client, arguments.prompts, per_task) if arguments.shards_on_workers
            else [(None, shards[i:i + per_task]) for i in range(0, len(shards), per_task)])
        log(arguments, f"{sum(len(group) for _, group in tasks)} shard(s) in {len(tasks)} task(s) "
                       f"on {len(client.scheduler_info()['workers'])} worker(s)")
        paths = [os.path.join(partials, f"part-{index:05d}.partial.jsonl.gz") for index in range(len(tasks))]
        # pure=False: a task writes a file, so it is never skipped as the twin of an earlier one.
        futures = [client.submit(aggregate, reports, group, path, options, pure=False) if host is None
                   else client.submit(aggregate_to_bytes, reports, group, options, pure=False,
                                      workers=[host], allow_other_workers=False)
                   for (host, group), path in zip(tasks, paths)]
        wait(futures)
        errors = [future.exception() for future in futures if future.status != "finished"]
        if not errors and arguments.shards_on_workers:
            for future, path in zip(futures, paths):
                with open(path, "wb") as partial:
                    partial.write(future.result())
    # In shard order; a wrong option or a missing command fails every task alike, and is said once.
    for message in dict.fromkeys(str(error) for error in errors):
        print(message, file=sys.stderr)
    return max((getattr(error, "exit_code", DATA_ERRORS) for error in errors), default=0)


def log(arguments: argparse.Namespace, message: str) -> None:
    if arguments.verbose:
        print(f"run.py: {message}", file=sys.stderr, flush=True)


def main(argv: Sequence[str]) -> int:
    arguments = parse_arguments(argv)
    out = os.path.abspath(arguments.out)
    partials = os.path.abspath(arguments.partials_dir or os.path.join(out, "partials"))
    try:
        reports = reports_command(arguments.reports)
        shards = [] if arguments.shards_on_workers else expand_shards(arguments.prompts)
        os.makedirs(partials, exist_ok=True)
        # A partial left by an earlier run over more shards would be merged too: the folder holds this run's only.
        for stale in glob.glob(os.path.join(glob.escape(partials), PARTIAL_PATTERN)):
            os.remove(stale)
        failed = map_shards(arguments, reports, shards, partials)
    except Stop as stop:
        print(f"run.py: {stop}", file=sys.stderr)
        return stop.exit_code
    if failed:
        return failed
    log(arguments, f"wrote the partials in {partials}")

    build = [*reports, "build", "--descriptions", arguments.descriptions,
             "--partials", os.path.join(partials, PARTIAL_PATTERN), "--out", out,
             *option_values(arguments, [*AGGREGATE_OPTIONS, "--verbose", *BUILD_OPTIONS])]
    log(arguments, shlex.join(build))
    return subprocess.run(build).returncode


if __name__ == "__main__":  # the guard keeps the local cluster's worker processes from running the script again
    sys.exit(main(sys.argv[1:]))
