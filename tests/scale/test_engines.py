"""`wirewatch run` on every engine gives the database one process gives: in-process, a
process pool, and a real dask.distributed LocalCluster reached by its address."""

from __future__ import annotations

import logging
import socket
import subprocess
import sys

import pytest
from distributed import LocalCluster

from wirewatch.serve.cli import main

pytestmark = pytest.mark.slow


def run(*args: str) -> None:
    try:
        main(["run", *args])
    except SystemExit as exc:
        assert not exc.code


def test_every_engine_stores_what_one_process_stores(corpus, tmp_path, dump_db):
    one, pool, dask = (tmp_path / name for name in ("one.db", "pool.db", "dask.db"))
    run(str(corpus), "--db", str(one))
    run(str(corpus), "--db", str(pool), "--engine", "processes", "--workers", "2")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster:
        run(str(corpus), "--db", str(dask), "--engine", "dask", "--scheduler",
            cluster.scheduler_address)
        workers = cluster.scheduler_info["workers"]
        assert len(workers) == 2
    expected = dump_db(one)
    assert len(expected["articles"]) == 120 and len(expected["events"]) >= 240
    assert dump_db(pool) == expected
    assert dump_db(dask) == expected


def test_postgresql_stores_what_sqlite_stores(corpus, tmp_path, new_pg_db, dump_db):
    one, local, pool = tmp_path / "one.db", new_pg_db(), new_pg_db()
    run(str(corpus), "--db", str(one))
    run(str(corpus), "--db", local)
    run(str(corpus), "--db", pool, "--engine", "processes", "--workers", "2")
    expected = dump_db(one)
    assert len(expected["articles"]) == 120
    assert dump_db(local) == expected
    assert dump_db(pool) == expected


def test_run_refuses_a_scheduler_without_dask(corpus, tmp_path, capsys):
    with pytest.raises(SystemExit) as exited:
        main(["run", str(corpus), "--db", str(tmp_path / "x.db"), "--scheduler", "tcp://x:1"])
    assert exited.value.code == 2
    assert "--engine dask" in capsys.readouterr().err


def test_an_unreachable_scheduler_is_one_clear_message_and_no_database(corpus, tmp_path):
    # Regression: this was an 87-line OSError traceback after 30 s, exit status 1, and a new
    # empty database.
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{probe.getsockname()[1]}"
    db = tmp_path / "x.db"
    done = subprocess.run([sys.executable, "-m", "wirewatch", "run", str(corpus), "--db", str(db),
                           "--engine", "dask", "--scheduler", address],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"error: cannot reach the Dask scheduler at {address}: ")
    assert "`dask scheduler`" in line and "--engine processes" in line
    assert "Traceback" not in done.stderr + done.stdout
    assert not db.exists()

def test_a_local_dask_cluster_codes_with_the_writers_knowledge_base(tmp_path, dump_db):
    corpus = tmp_path / "kb.jsonl"
    corpus.write_text('{"id": "k1", "text": "Ivan Testovich met Kim Jong-un in Pyongyang on '
                      'Monday to discuss energy cooperation."}\n', encoding="utf-8")
    local, dask = tmp_path / "local.db", tmp_path / "dask.db"
    for db in (local, dask):
        try:
            main(["kb", "add", "Ivan Testovich", "--country", "RUS", "--post",
                  "Minister of Tests", "--start", "2020-01-01", "--db", str(db)])
        except SystemExit as exc:
            assert not exc.code
    run(str(corpus), "--db", str(local))
    run(str(corpus), "--db", str(dask), "--engine", "dask", "--workers", "1")  # its own cluster
    rows = dump_db(dask)
    assert rows == dump_db(local)
    assert any("ivan-testovich" in row for row in rows["actors"])  # the user's KB was used
