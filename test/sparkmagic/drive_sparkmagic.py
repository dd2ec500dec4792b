#!/usr/bin/env python3
"""Drives sparkmagic 0.23 (from PyPI) against a Livy server, the way a notebook user would.

    python drive_sparkmagic.py http://127.0.0.1:8998

No Jupyter kernel: two levels of sparkmagic are used in-process.

- The library layer (SparkController, LivySession, Command, SQLQuery, SparkStoreCommand,
  SendStringToSparkCommand), asserting on what it returns, including its cancel path (a
  KeyboardInterrupt while a statement runs makes sparkmagic POST .../cancel and wait for idle).
- The magics a pysparkkernel runs (KernelMagics: %%configure, %%spark, %%sql, %%send_to_spark,
  %%info, %%logs, %%cleanup) on an in-process IPython shell, with their arguments parsed as a user
  types them. sparkmagic's display is replaced by a recorder so what it shows can be checked, and
  `all_errors_are_fatal` is set so errors raise instead of only being printed.

Prints one line per check (PASS/FAIL) and `N passed, M failed`; exits 1 if any check failed.
"""

import argparse
import json
import os
import signal
import sys
import tempfile
import threading
import time
import traceback
import warnings

# sparkmagic and IPython read their config dirs at import time: keep the user's out of this.
_conf_dir = tempfile.mkdtemp(prefix="sparkmagic-it-")
os.environ["SPARKMAGIC_CONF_DIR"] = _conf_dir
os.environ["IPYTHONDIR"] = os.path.join(_conf_dir, "ipython")

import pandas as pd  # noqa: E402
import requests  # noqa: E402
from IPython.core.interactiveshell import InteractiveShell  # noqa: E402

import sparkmagic.utils.configuration as conf  # noqa: E402
import sparkmagic.utils.constants as constants  # noqa: E402
from sparkmagic.kernels.kernelmagics import KernelMagics  # noqa: E402
from sparkmagic.livyclientlib.command import Command  # noqa: E402
from sparkmagic.livyclientlib.endpoint import Endpoint  # noqa: E402
from sparkmagic.livyclientlib.exceptions import (  # noqa: E402
    BadUserDataException,
    SparkStatementCancelledException,
    SparkStatementException,
)
from sparkmagic.livyclientlib.sendstringtosparkcommand import (  # noqa: E402
    SendStringToSparkCommand,
)
from sparkmagic.livyclientlib.sparkcontroller import SparkController  # noqa: E402
from sparkmagic.livyclientlib.sparkstorecommand import SparkStoreCommand  # noqa: E402
from sparkmagic.livyclientlib.sqlquery import SQLQuery  # noqa: E402

# Errors raised by the magics instead of only printed (the assertions need them).
conf.override(conf.all_errors_are_fatal.__name__, True)
# The heartbeat thread sparkmagic starts per session sleeps this long between refreshes, and
# deleting a session joins it: the default (30 s) would make every delete take up to 30 s.
conf.override(conf.heartbeat_refresh_seconds.__name__, 1)
conf.override(conf.heartbeat_retry_seconds.__name__, 1)
# sparkmagic's coercion tries pd.to_datetime on every text column; pandas warns each time.
warnings.filterwarnings("ignore", message="Could not infer format")


class RecordingDisplay:
    """Stands in for hdijupyterutils' IpythonDisplay: records what sparkmagic would show."""

    def __init__(self):
        self.events = []

    def display(self, obj):
        self.events.append(("display", obj))

    def html(self, text):
        self.events.append(("html", text))

    def write(self, text):
        self.events.append(("write", text))

    def writeln(self, text):
        self.events.append(("write", "{}\n".format(text)))

    def send_error(self, text):
        self.events.append(("error", text))

    def stderr_flush(self):
        pass

    def stdout_flush(self):
        pass

    def take(self):
        events, self.events = self.events, []
        return events

    @staticmethod
    def of(events, kind):
        return "".join(str(v) for k, v in events if k == kind)


class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def expect_equal(actual, expected, what):
    if actual != expected:
        raise CheckFailed("{}: expected {!r}, got {!r}".format(what, expected, actual))


class Driver:
    def __init__(self, url):
        self.url = url.rstrip("/")
        self.endpoint = Endpoint(self.url, None)
        self.passed = 0
        self.failed = []
        self.http = requests.Session()

    # ---- reporting -------------------------------------------------------------------------

    def check(self, name, fn):
        started = time.time()
        try:
            fn()
        except BaseException as e:  # noqa: BLE001 - a check may end in KeyboardInterrupt subclasses
            if isinstance(e, SystemExit):
                raise
            detail = e.args[0] if isinstance(e, CheckFailed) and e.args else None
            if detail is None:
                detail = "".join(traceback.format_exception(type(e), e, e.__traceback__))
            detail = str(detail).rstrip().replace("\n", "\n      ")
            self.failed.append(name)
            print("FAIL {} ({:.1f}s)\n      {}".format(name, time.time() - started, detail))
        else:
            self.passed += 1
            print("PASS {} ({:.1f}s)".format(name, time.time() - started))
        sys.stdout.flush()

    # ---- REST helpers (to see what sparkmagic did on the server) -----------------------------

    def get(self, path):
        r = self.http.get(self.url + path, timeout=30)
        return r.status_code, (r.json() if r.content else None)

    def session_ids(self):
        status, body = self.get("/sessions")
        expect_equal(status, 200, "GET /sessions status")
        return [s["id"] for s in body["sessions"]]

    def wait_sessions_gone(self, ids, seconds=20):
        deadline = time.time() + seconds
        while True:
            left = [i for i in self.session_ids() if i in ids]
            if not left or time.time() > deadline:
                return left
            time.sleep(0.2)

    # ---- library layer ---------------------------------------------------------------------

    def run_library(self):
        self.lib_display = RecordingDisplay()
        self.controller = SparkController(self.lib_display)
        self.lib_session = None

        def start():
            properties = conf.get_session_properties(constants.LANG_PYTHON)
            expect_equal(properties, {"kind": "pyspark"}, "session properties")
            self.controller.add_session("lib", self.endpoint, False, properties)
            session = self.controller.get_session_by_name_or_default("lib")
            self.lib_session = session
            shown = RecordingDisplay.of(self.lib_display.take(), "write")
            expect(session.id >= 0, "no session id")
            session.wait_for_idle()  # sparkmagic's own wait (the status it cached may be older)
            expect_equal(session.kind, "pyspark", "session kind")
            expect_equal(session.sql_context_variable_name, "spark", "SQL context variable")
            expect("SparkSession available as 'spark'." in shown, "start shows: {!r}".format(shown))

        self.check("library: session start (the `spark` probe answers)", start)

        def run(code):
            return self.controller.run_command(Command(code), "lib")

        def plain_statement():
            expect_equal(run("1 + 1"), (True, "2", "text/plain"), "output of `1 + 1`")
            ok, out, _ = run("print('hello from sparkmagic')")
            expect_equal((ok, out), (True, "hello from sparkmagic"), "print output")

        self.check("library: %%spark statement `1 + 1` answers 2", plain_statement)

        def statement_error():
            ok, out, mimetype = run("1 / 0")
            expect(not ok, "`1 / 0` should fail, got {!r}".format(out))
            expect(out.startswith("division by zero\n"), "evalue first: {!r}".format(out))
            expect("ZeroDivisionError" in out, "traceback names ZeroDivisionError: {!r}".format(out))
            expect_equal(mimetype, "text/plain", "error mimetype")

        self.check("library: a failing statement comes back as (False, evalue + traceback)", statement_error)

        setup = (
            "from pyspark.sql import Row\n"
            "people = spark.createDataFrame([Row(id=1, name='alice', score=3.5),"
            " Row(id=2, name='bob', score=None), Row(id=3, name='carol', score=7.25)])\n"
            "people.createOrReplaceTempView('people')\n"
            "spark.range(100).createOrReplaceTempView('r100')\n"
        )

        def temp_views():
            ok, out, _ = run(setup)
            expect(ok, "setup failed: {}".format(out))
            expect_equal(out, "", "setup output")

        self.check("library: a DataFrame and temp views are created", temp_views)

        def sql(query, **kwargs):
            return self.controller.run_sqlquery(SQLQuery(query, **kwargs), "lib")

        def sql_all():
            df = sql("SELECT id, name, score FROM people ORDER BY id")
            expect(isinstance(df, pd.DataFrame), "not a DataFrame: {!r}".format(df))
            expect_equal(list(df.columns), ["id", "name", "score"], "columns")
            expect_equal(df["id"].tolist(), [1, 2, 3], "id")
            expect_equal(df["name"].tolist(), ["alice", "bob", "carol"], "name")
            # toJSON leaves null fields out: bob's score is missing, so NaN in pandas.
            expect_equal(df["score"][0], 3.5, "alice's score")
            expect(pd.isna(df["score"][1]), "bob's score should be NaN: {!r}".format(df["score"][1]))
            expect_equal(df["score"][2], 7.25, "carol's score")

        self.check("library: SQLQuery returns the rows as a pandas DataFrame", sql_all)

        def sql_maxrows_1():
            df = sql("SELECT id, name FROM people ORDER BY id", maxrows=1)
            expect_equal(df.to_dict("records"), [{"id": 1, "name": "alice"}], "rows")

        self.check("library: SQLQuery maxrows=1 (-n 1) takes one row", sql_maxrows_1)

        def sql_collect():
            df = sql("SELECT id FROM r100", maxrows=-1)
            expect_equal(sorted(df["id"].tolist()), list(range(100)), "ids")

        self.check("library: SQLQuery maxrows=-1 (-n -1) collects all 100 rows", sql_collect)

        def sql_sample():
            df = sql("SELECT id FROM r100", samplemethod="sample", samplefraction=0.5, maxrows=-1)
            ids = df["id"].tolist() if "id" in df.columns else []
            expect(0 < len(ids) < 100, "sample(False, 0.5) of 100 rows gave {} rows".format(len(ids)))
            expect(len(set(ids)) == len(ids), "sample without replacement repeats rows")
            expect(set(ids) <= set(range(100)), "sampled ids outside 0..99")
            df0 = sql("SELECT id FROM r100", samplemethod="sample", samplefraction=0.0)
            expect_equal(len(df0), 0, "rows of sample(False, 0.0)")

        self.check("library: SQLQuery samplemethod=sample (-m sample -r 0.5 / -r 0.0)", sql_sample)

        def sql_types():
            df = sql(
                "SELECT DATE'2024-01-15' AS d, CAST(12.5 AS DECIMAL(5,2)) AS amount,"
                " true AS flag, 'x' AS s, CAST(NULL AS INT) AS n"
            )
            # A column that is null in every row is absent from every JSON row.
            expect_equal(list(df.columns), ["d", "amount", "flag", "s"], "columns")
            expect_equal(str(df["d"].dtype), "datetime64[ns]", "date column coerced to datetime")
            expect_equal(df["d"][0], pd.Timestamp("2024-01-15"), "date value")
            expect_equal(float(df["amount"][0]), 12.5, "decimal value")
            expect_equal(bool(df["flag"][0]), True, "boolean value")
            expect_equal(df["s"][0], "x", "string value")

        self.check("library: SQLQuery values of several types round-trip", sql_types)

        def sql_error():
            try:
                sql("SELECT * FROM no_such_table")
            except BadUserDataException as e:
                text = str(e)
                expect(
                    "[TABLE_OR_VIEW_NOT_FOUND] The table or view `no_such_table` cannot be found."
                    in text,
                    "error text: {!r}".format(text[:500]),
                )
                expect("AnalysisException" in text, "names AnalysisException: {!r}".format(text[:800]))
            else:
                raise CheckFailed("no error for a missing table")

        self.check("library: SQLQuery on a missing table raises Spark's AnalysisException", sql_error)

        def store():
            ok, out, _ = run("squares = spark.range(4).selectExpr('id', 'id * id AS square')")
            expect(ok, "defining squares failed: {}".format(out))
            df = self.controller.run_command(SparkStoreCommand("squares", maxrows=3), "lib")
            expect_equal(list(df.columns), ["id", "square"], "columns")
            expect_equal(df.values.tolist(), [[0, 0], [1, 1], [2, 4]], "rows")

        self.check("library: SparkStoreCommand pulls a Spark DataFrame (%%spark -o)", store)

        def send_string():
            command = SendStringToSparkCommand("local_s", "it's \"quoted\"\n", "remote_s")
            ok, out, _ = self.controller.run_command(command, "lib")
            expect(ok, "sending a string failed: {}".format(out))
            expect_equal(run("len(remote_s), remote_s[:4]")[:2], (True, '(14, "it\'s")'), "remote_s")

        self.check("library: SendStringToSparkCommand (%%send_to_spark -t str)", send_string)

        # Cancelling: sparkmagic catches KeyboardInterrupt while it polls the statement, POSTs
        # /sessions/{id}/statements/{n}/cancel, waits for the session to be idle (at most
        # wait_for_idle_timeout_seconds, 15 s) and raises SparkStatementCancelledException; if
        # that fails it raises SparkStatementCancellationFailedException instead.
        #
        # The Spark-job cell is Livy 0.9's own semantics: cancel calls cancelJobGroup, the job
        # fails at once, the statement ends `cancelled` and the session is idle again. The two
        # plain-Python cells (no Spark job) check the emulator's interrupt-on-cancel choice
        # (`livy-emulator.statement.interrupt-on-cancel`, default true): real Livy 0.9 cannot stop
        # them (the statement goes `cancelled` after livy.rsc.job-cancel.timeout, 30 s, while the
        # code keeps the session busy), so against real Livy those two checks fail.
        def cancel_check(code):
            def body():
                session = self.lib_session
                expect(session is not None, "no session")
                before = self.statement_ids(session.id)
                interrupter = Interrupter(self, session.id, before)
                interrupter.start()
                started = time.time()
                try:
                    outcome = run(code)
                except SparkStatementCancelledException as e:
                    outcome = e
                except BaseException as e:  # noqa: BLE001
                    raise CheckFailed(
                        "expected SparkStatementCancelledException, got {}: {}".format(
                            type(e).__name__, e
                        )
                    )
                finally:
                    interrupter.stop()
                expect(interrupter.sent, "the statement never showed as running: {}".format(interrupter.seen))
                expect(
                    isinstance(outcome, SparkStatementCancelledException),
                    "the cell was not interrupted; it returned {!r}".format(outcome),
                )
                elapsed = time.time() - started
                expect(elapsed < 30, "cancel took {:.1f}s".format(elapsed))
                status, st = self.get(
                    "/sessions/{}/statements/{}".format(session.id, interrupter.statement_id)
                )
                expect_equal(status, 200, "GET cancelled statement")
                expect_equal(st["state"], "cancelled", "statement state after cancel")
                expect_equal(self.get("/sessions/{}".format(session.id))[1]["state"], "idle", "session state")
                expect_equal(run("1 + 1"), (True, "2", "text/plain"), "next statement")
                expect_equal(
                    run("spark.table('people').count()"), (True, "3", "text/plain"),
                    "session state kept (temp view)",
                )

            return body

        self.check(
            "library: cancel a cell running a Spark job (sparkmagic's KeyboardInterrupt path)",
            cancel_check(
                "import time\n"
                "sc.parallelize(range(4), 4).map(lambda x: time.sleep(60) or x).count()"
            ),
        )
        self.check(
            "library: cancel a cell running `import time; time.sleep(60)`",
            cancel_check("import time\ntime.sleep(60)"),
        )
        self.check("library: cancel a cell running `while True: pass`", cancel_check("while True: pass"))

        def logs():
            text = self.controller.get_logs("lib")
            expect(isinstance(text, str) and text.strip(), "logs: {!r}".format(text))
            status, body = self.get("/sessions/{}/log?from=0".format(self.lib_session.id))
            # The log may have grown since sparkmagic read it.
            expect(
                "\n".join(body["log"]).startswith(text),
                "logs are the session's log lines: {!r} vs {!r}".format(text[:300], body["log"][:5]),
            )

        self.check("library: session logs come back (%%logs)", logs)

    def statement_ids(self, session_id):
        status, body = self.get("/sessions/{}/statements".format(session_id))
        expect_equal(status, 200, "GET statements")
        return [s["id"] for s in body["statements"]]

    # ---- magics ----------------------------------------------------------------------------

    def run_magics(self, shell):
        magics = KernelMagics(shell)
        shell.register_magics(magics)
        display = RecordingDisplay()
        magics.ipython_display = display
        magics.spark_controller.ipython_display = display
        magics.spark_controller.session_manager.ipython_display = display
        # What the pysparkkernel does at start, pointed at our server.
        magics._do_not_call_change_language("-l python")
        magics._do_not_call_change_endpoint("-s {}".format(self.url))
        self.magics, self.display, self.user_ns = magics, display, shell.user_ns
        self.magic_session_id = None

        def current():
            return magics.spark_controller.get_session_by_name_or_default(magics.session_name)

        def no_errors(events):
            errors = RecordingDisplay.of(events, "error")
            expect(not errors, "sparkmagic showed an error: {}".format(errors))

        settings = {"name": "sparkmagic-it", "conf": {"spark.sparkmagic.marker": "on"}}

        def configure_before_start():
            magics.configure("", json.dumps(settings))
            events = display.take()
            no_errors(events)
            expect_equal(
                conf.get_session_properties("python"),
                dict(settings, kind="pyspark"),
                "session properties after %%configure",
            )
            html = RecordingDisplay.of(events, "html")
            expect("Current session configs" in html, "%%configure shows %%info: {!r}".format(html))

        self.check("magic: %%configure before the session starts", configure_before_start)

        def first_cell():
            magics.spark("", "1 + 1")
            events = display.take()
            no_errors(events)
            expect(magics.session_started, "session not started")
            session = current()
            self.magic_session_id = session.id
            expect_equal(session.sql_context_variable_name, "spark", "SQL context variable")
            written = RecordingDisplay.of(events, "write")
            expect("SparkSession available as 'spark'." in written, "start output: {!r}".format(written))
            expect(written.endswith("2"), "cell output: {!r}".format(written))
            status, body = self.get("/sessions/{}".format(session.id))
            expect_equal(body["name"], "sparkmagic-it", "session name from %%configure")
            expect_equal(body["conf"], settings["conf"], "session conf from %%configure")
            expect_equal(body["kind"], "pyspark", "session kind")
            expect_equal(body["heartbeatTimeoutInSecond"], 60, "heartbeat timeout sparkmagic sends")

        self.check("magic: first %%spark cell starts the session with the %%configure settings", first_cell)

        def spark_cell(code):
            magics.spark("", code)
            events = display.take()
            no_errors(events)
            return RecordingDisplay.of(events, "write")

        def conf_visible():
            expect_equal(spark_cell("spark.conf.get('spark.sparkmagic.marker')"), "'on'", "spark.conf.get")

        self.check("magic: %%configure's conf is visible in the session (spark.conf.get)", conf_visible)

        def views():
            out = spark_cell(
                "from pyspark.sql import Row\n"
                "spark.createDataFrame([Row(city='Oslo', temp=4), Row(city='Lima', temp=19),"
                " Row(city='Pune', temp=31)]).createOrReplaceTempView('weather')\n"
                "spark.range(100).createOrReplaceTempView('r100')"
            )
            expect_equal(out, "", "cell output")

        self.check("magic: %%spark defines temp views", views)

        query = "SELECT city, temp FROM weather ORDER BY temp"

        def sql_o():
            result = magics.sql("-o weather_df", query)
            no_errors(display.take())
            stored = self.user_ns.get("weather_df")
            expect(isinstance(stored, pd.DataFrame), "-o stored {!r}".format(stored))
            expect(result is stored, "%%sql returns the DataFrame it stored")
            expect_equal(list(stored.columns), ["city", "temp"], "columns")
            expect_equal(stored.values.tolist(), [["Oslo", 4], ["Lima", 19], ["Pune", 31]], "rows")

        self.check("magic: %%sql -o weather_df", sql_o)

        def sql_q():
            self.user_ns.pop("quiet_df", None)
            result = magics.sql("-q", query)
            no_errors(display.take())
            expect(result is None, "-q returned {!r}".format(result))
            result = magics.sql("-q -o quiet_df", query)
            no_errors(display.take())
            expect(result is None, "-q -o returned {!r}".format(result))
            stored = self.user_ns.get("quiet_df")
            expect(isinstance(stored, pd.DataFrame) and len(stored) == 3, "-q -o stored {!r}".format(stored))

        self.check("magic: %%sql -q returns nothing (and -q -o still stores)", sql_q)

        def sql_n():
            df = magics.sql("-n 1", query)
            no_errors(display.take())
            expect_equal(df.values.tolist(), [["Oslo", 4]], "-n 1 rows")
            df = magics.sql("-m take -n 2", query)
            no_errors(display.take())
            expect_equal(df.values.tolist(), [["Oslo", 4], ["Lima", 19]], "-m take -n 2 rows")
            df = magics.sql("-n -1", "SELECT id FROM r100")
            no_errors(display.take())
            expect_equal(len(df), 100, "-n -1 rows")

        self.check("magic: %%sql -n 1, -m take -n 2, -n -1", sql_n)

        def sql_sample():
            df = magics.sql("-m sample -r 0.5 -n -1", "SELECT id FROM r100")
            no_errors(display.take())
            ids = df["id"].tolist() if "id" in df.columns else []
            expect(0 < len(ids) < 100, "-m sample -r 0.5 gave {} of 100 rows".format(len(ids)))
            expect(len(set(ids)) == len(ids) and set(ids) <= set(range(100)), "sampled ids {}".format(ids))
            df = magics.sql("-m sample -r 0.5 -n 3", "SELECT id FROM r100")
            no_errors(display.take())
            expect(len(df) <= 3, "-m sample -r 0.5 -n 3 gave {} rows".format(len(df)))

        self.check("magic: %%sql -m sample -r 0.5 (with -n)", sql_sample)

        def sql_bad_flags():
            try:
                magics.sql("-m sample -r 1.5", query)
            except BadUserDataException as e:
                expect("samplefraction (-r)" in str(e), str(e))
            else:
                raise CheckFailed("-r 1.5 was accepted")
            display.take()

        self.check("magic: %%sql -r 1.5 is refused by sparkmagic before reaching Livy", sql_bad_flags)

        def spark_o():
            self.user_ns.pop("hot", None)
            out = spark_cell("hot = spark.sql('SELECT city, temp FROM weather WHERE temp > 10 ORDER BY city')")
            expect_equal(out, "", "cell output")
            magics.spark("-o hot", "hot.count()")
            events = display.take()
            no_errors(events)
            expect_equal(RecordingDisplay.of(events, "write"), "2", "cell output")
            stored = self.user_ns.get("hot")
            expect(isinstance(stored, pd.DataFrame), "-o stored {!r}".format(stored))
            expect_equal(list(stored.columns), ["city", "temp"], "columns")
            expect_equal(stored.values.tolist(), [["Lima", 19], ["Pune", 31]], "rows")

        self.check("magic: %%spark -o hot pulls the Spark DataFrame into pandas", spark_o)

        def spark_error():
            try:
                magics.spark("", "undefined_name_xyz")
            except SparkStatementException as e:
                text = str(e)
                expect(text.startswith("name 'undefined_name_xyz' is not defined"), text)
                expect("NameError" in text, text)
            else:
                raise CheckFailed("no SparkStatementException for a NameError")
            display.take()

        self.check("magic: a failing %%spark cell raises SparkStatementException", spark_error)

        def send_df():
            self.user_ns["local_df"] = pd.DataFrame({"name": ["ann", "ben"], "age": [31, 42]})
            magics.send_to_spark("-i local_df -t df -n sdf", "")
            events = display.take()
            no_errors(events)
            written = RecordingDisplay.of(events, "write")
            expect("Successfully passed 'local_df' as 'sdf' to Spark kernel" in written, written)
            # spark.read.json infers the schema with the fields sorted by name.
            expect_equal(
                spark_cell("sdf.dtypes"), "[('age', 'bigint'), ('name', 'string')]", "sdf.dtypes"
            )
            expect_equal(
                spark_cell("sdf.orderBy('age').collect()"),
                "[Row(age=31, name='ann'), Row(age=42, name='ben')]",
                "sdf rows",
            )

        self.check("magic: %%send_to_spark -t df sends a pandas DataFrame", send_df)

        def info():
            magics.info("")
            events = display.take()
            no_errors(events)
            html = RecordingDisplay.of(events, "html")
            expect("Current session configs" in html, html)
            expect("<td>{}</td>".format(self.magic_session_id) in html, "session id in %%info: {}".format(html))
            expect("<td>pyspark</td>" in html, "kind in %%info: {}".format(html))
            expect("\u2714" in html, "current session marked in %%info: {}".format(html))
            infos = magics.spark_controller.get_all_sessions_endpoint_info(self.endpoint)
            mine = [s for s in infos if s.startswith("Session id: {}\t".format(self.magic_session_id))]
            expect(len(mine) == 1 and "Kind: pyspark" in mine[0] and "State: idle" in mine[0], infos)

        self.check("magic: %%info lists the sessions at the endpoint", info)

        def logs():
            magics.logs("")
            events = display.take()
            no_errors(events)
            text = RecordingDisplay.of(events, "write")
            expect(text.strip() and text != "No logs yet.", "logs: {!r}".format(text))
            status, body = self.get("/sessions/{}/log?from=0".format(self.magic_session_id))
            # The log may have grown since sparkmagic read it.
            expect(
                "\n".join(body["log"]).startswith(text),
                "logs shown are the session's log lines: {!r} vs {!r}".format(text[:300], body["log"][:5]),
            )

        self.check("magic: %%logs shows the session's log", logs)

        def configure_again():
            old = self.magic_session_id
            magics.configure("", json.dumps({"name": "sparkmagic-it-2"}))
            events = display.take()
            expect(
                "A session has already been started" in RecordingDisplay.of(events, "error"),
                "without -f: {}".format(events),
            )
            expect_equal(current().id, old, "session after %%configure without -f")
            magics.configure("-f", json.dumps({"name": "sparkmagic-it-2", "conf": {"spark.x": "1"}}))
            events = display.take()
            no_errors(events)
            new = current().id
            expect(new != old, "%%configure -f kept session {}".format(old))
            self.magic_session_id = new
            expect_equal(self.wait_sessions_gone([old]), [], "old session still listed")
            status, body = self.get("/sessions/{}".format(new))
            expect_equal((body["name"], body["conf"]), ("sparkmagic-it-2", {"spark.x": "1"}), "new session")
            expect_equal(spark_cell("1 + 1"), "2", "new session answers")

        self.check("magic: %%configure -f recreates the session with the new settings", configure_again)

        def cleanup():
            ids = self.session_ids()
            expect(len(ids) >= 2, "expected the library and magic sessions, got {}".format(ids))
            magics.cleanup("-f", "")
            events = display.take()
            no_errors(events)
            expect(not magics.session_started, "magics still think a session is started")
            expect_equal(self.wait_sessions_gone(ids), [], "sessions left after %%cleanup -f")

        self.check("magic: %%cleanup -f deletes every session at the endpoint", cleanup)


class Interrupter(threading.Thread):
    """Sends SIGINT to this process (what Jupyter's interrupt does to a kernel) as soon as a
    new statement of the session is running."""

    def __init__(self, driver, session_id, known_ids):
        super().__init__(daemon=True)
        self.url, self.session_id, self.known = driver.url, session_id, set(known_ids)
        self.http = requests.Session()
        self.sent = False
        self.statement_id = None
        self.seen = []
        self._done = threading.Event()

    def run(self):
        deadline = time.time() + 60
        while not self._done.is_set() and time.time() < deadline:
            try:
                r = self.http.get("{}/sessions/{}/statements".format(self.url, self.session_id), timeout=10)
                for st in r.json()["statements"]:
                    if st["id"] in self.known:
                        continue
                    self.seen.append((st["id"], st["state"]))
                    if st["state"] == "running":
                        self.statement_id = st["id"]
                        if self._done.wait(1):  # let it run a moment first
                            return
                        self.sent = True
                        os.kill(os.getpid(), signal.SIGINT)
                        return
            except Exception:  # noqa: BLE001
                pass
            time.sleep(0.1)

    def stop(self):
        self._done.set()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(timeout=15)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url", help="Livy URL, e.g. http://127.0.0.1:8998")
    args = parser.parse_args()
    driver = Driver(args.url)
    print("sparkmagic against {} (conf dir {})".format(driver.url, _conf_dir))
    started = time.time()
    # As in a kernel, sparkmagic runs inside an IPython shell whose builtins include
    # get_ipython (SparkStatementCancelledException calls it).
    shell = InteractiveShell.instance()
    try:
        with shell.builtin_trap:
            driver.run_library()
            driver.run_magics(shell)
    finally:
        print(
            "{} passed, {} failed ({:.0f}s)".format(
                driver.passed, len(driver.failed), time.time() - started
            )
        )
        if driver.failed:
            print("failed: " + "; ".join(driver.failed))
    sys.exit(1 if driver.failed else 0)


if __name__ == "__main__":
    main()
