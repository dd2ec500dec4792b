import type { Behaviour } from './types.ts'

const b = (id: string, source: string, statement: string, retired?: string): Behaviour =>
  retired === undefined ? { id, source, statement } : { id, source, statement, retired }

/**
 * What a Livy 0.9 server MUST do, as MUST statements with stable ids. Scenarios name the
 * behaviours they check; a behaviour id never changes meaning (add new ids instead).
 * `source` points into `shared/livy/REFERENCE.md` (§ sections and §12 quirk numbers).
 */
export const BEHAVIOURS: readonly Behaviour[] = [
  // Server-wide HTTP
  b(
    'B-HTTP-001',
    '§1.2',
    'Every response of the session, batch and version servlets MUST carry Content-Type application/json;charset=utf-8, error responses and empty bodies included.',
  ),
  b(
    'B-HTTP-002',
    '§1.2',
    'Every response MUST carry X-Frame-Options, X-XSS-Protection, Content-Security-Policy and X-Content-Type-Options with Livy 0.9 default values.',
  ),
  b(
    'B-HTTP-003',
    '§1.3',
    'A known path called with a method it does not serve MUST answer 405 with an empty body and an Allow header listing the methods that match, HEAD included whenever GET matches.',
  ),
  b(
    'B-HTTP-004',
    '§1.3',
    'An unknown sub-path under /sessions or /batches MUST answer 404 with an empty body.',
  ),
  b('B-HTTP-005', '§1.1', 'A collection MUST answer the same with and without a trailing slash.'),
  b(
    'B-HTTP-006',
    '§1.3',
    'HEAD MUST be served by the GET route: same status and headers, no body.',
  ),
  b(
    'B-HTTP-007',
    '§1.3',
    'A POST carrying X-HTTP-Method-Override MUST be handled as the overriding method.',
  ),
  b(
    'B-HTTP-008',
    '§1.3',
    'An Accept header naming an unknown Livy API version MUST be answered 406 {"msg":"No value found for \'<v>\'"}; version 0.1 and any other Accept MUST be served normally.',
  ),
  b('B-HTTP-009', '§1.2', 'A client that accepts gzip MUST get a gzip-encoded body.'),
  b('B-HTTP-010', '§1.4', 'A JSON body MUST be read whatever the request Content-Type says.'),
  b('B-HTTP-011', '§1.1', 'GET / MUST redirect (302) to the UI.'),
  b(
    'B-VERSION-001',
    '§4',
    'GET /version MUST answer 200 {url, branch, revision, version, date, user} in that order, version 0.9.0-incubating.',
  ),

  // Error forms
  b(
    'B-ERROR-001',
    '§1.5 A',
    'Errors raised through ResponseMessage MUST be the object {"msg": "<text>"} and nothing else.',
  ),
  b(
    'B-ERROR-002',
    '§1.5 B',
    'Jackson parse failures MUST answer 400 with the exception message as a bare JSON string (unknown field, malformed JSON, empty body, type mismatch).',
  ),
  b(
    'B-ERROR-003',
    '§1.5 B',
    'Unhandled exceptions MUST answer 500 with the Java exception toString() as a bare JSON string.',
  ),
  b(
    'B-ERROR-004',
    '§1.5 C',
    'Per-route refusals without a message (unknown route 404, wrong method 405, stop 204) MUST have an empty body.',
  ),
  b(
    'B-ERROR-005',
    '§1.4',
    'A request body MUST be parsed before the session is looked up: a bad body on an unknown session is 400, a good one 404.',
  ),

  // Sessions
  b(
    'B-SESSION-001',
    '§2.1',
    'GET /sessions MUST answer {"from","total","sessions"}, total counting every session the server holds.',
  ),
  b(
    'B-SESSION-002',
    '§2.1',
    'Listing MUST slice [from, from+size): negative from is echoed, size 0 or negative and from past the end give an empty page.',
  ),
  b(
    'B-SESSION-003',
    '§2.1',
    'A non-integer from or size MUST answer 400 {"msg":"For input string: \\"<value>\\""}.',
  ),
  b('B-SESSION-004', '§2.2', 'A session created without a kind MUST report kind "shared".'),
  b(
    'B-SESSION-005',
    '§2.2',
    'POST /sessions MUST answer 201 with the session in state "starting" and Location: /sessions/<id>.',
  ),
  b(
    'B-SESSION-006',
    '§2.3',
    'A session MUST be written with its 23 fields in Livy order, nulls written, unset ints as 0, initial log ["stdout: ", "\\nstderr: "].',
  ),
  b(
    'B-SESSION-007',
    '§2.3, §12.6',
    'Kind aliases scala, python and r MUST be reported as spark, pyspark and sparkr.',
  ),
  b(
    'B-SESSION-008',
    '§1.4, §2.3',
    'Request values MUST be echoed as given; conf values become strings and a numeric string is accepted for heartbeatTimeoutInSecond.',
  ),
  b(
    'B-SESSION-009',
    '§2.4, §2.5',
    'GET /sessions/{id} MUST answer the session and GET /sessions/{id}/state {"id","state"}.',
  ),
  b(
    'B-SESSION-010',
    '§1.6',
    'A path segment that is not all digits MUST be looked up as a session name.',
  ),
  b(
    'B-SESSION-011',
    '§1.6, §12.3',
    'An unknown session MUST answer 404 {"msg":"Session \'<segment>\' not found."} with the segment echoed as sent.',
  ),
  b(
    'B-SESSION-012',
    '§1.6',
    'An id that overflows a Java int MUST answer 400 {"msg":"For input string: \\"<id>\\""}.',
  ),
  b(
    'B-SESSION-013',
    '§12.1',
    'A duplicate session name MUST be rejected 400 {"msg":"Rejected, Reason: Duplicate session name: Some(<name>) for session <id>"}; there is no 409.',
  ),
  b(
    'B-SESSION-014',
    '§2.2',
    'A name made only of digits (the empty name included) MUST be rejected 400 "Rejected, Reason: Invalid session name: <name>".',
  ),
  b(
    'B-SESSION-015',
    '§12.7',
    'A rejected create MUST consume a session id unless it failed while parsing the body.',
  ),
  b(
    'B-SESSION-016',
    '§2.2',
    'An invalid ttl or idleTimeout MUST be rejected 400 "Rejected, Reason: Invalid time string / Invalid value".',
  ),
  b(
    'B-SESSION-017',
    '§2.2, §12.9',
    'A local path MUST be rejected unless it is under livy.file.local-dir-whitelist, and a path without a scheme MUST be absolute.',
  ),
  b(
    'B-SESSION-018',
    '§2.2',
    'A blacklisted conf key MUST be rejected 400 "Rejected, Reason: Blacklisted configuration values in session config: <keys>".',
  ),
  b(
    'B-SESSION-019',
    '§2.6, §10',
    'A session log MUST have a "stdout: " and a "\\nstderr: " section; GET …/log pages it (default the last 100 lines, size -1 all, from past the end empty) and answers {"id","from","total","log"}.',
  ),
  b(
    'B-SESSION-020',
    '§2.8',
    'POST /sessions/{id}/stop MUST answer 204 with an empty body and leave the session listed as "dead".',
  ),
  b(
    'B-SESSION-021',
    '§2.9, §12.10',
    'POST /sessions/{id}/interrupt MUST stop the whole session and answer 200 {"msg":"interrupted"}.',
  ),
  b('B-SESSION-022', '§2.10', 'POST /sessions/{id}/connect MUST answer 200 with the session.'),
  b(
    'B-SESSION-023',
    '§2.7',
    'DELETE /sessions/{id} MUST answer 200 {"msg":"deleted"}; afterwards the session is 404 and its name is free again.',
  ),
  b(
    'B-SESSION-024',
    '§7.2, §12.13',
    'A new session MUST report "starting" until its driver is up, then "idle", and never "running".',
  ),
  b(
    'B-SESSION-025',
    '§7.2',
    'A session MUST report "busy" while a statement runs and "idle" once the last one finished.',
  ),
  b(
    'B-SESSION-026',
    '§2.2',
    'kind null MUST fail with 500 NullPointerException and consume an id.',
  ),
  b(
    'B-SESSION-027',
    '§1.4',
    'driverCores, executorCores and numExecutors that are not JSON integers MUST fail with 500 ClassCastException and consume an id.',
  ),
  b(
    'B-SESSION-028',
    '§2.2',
    'An invalid kind MUST be rejected 400 with a bare string naming the kind and the reference chain; a non-string kind likewise.',
  ),

  // Statements
  b(
    'B-STATEMENT-001',
    '§2.12',
    'POST /sessions/{id}/statements MUST answer 201 with Location /sessions/<numeric id>/statements/<sid> and the statement (waiting or running, output null, started/completed 0 while waiting).',
  ),
  b(
    'B-STATEMENT-002',
    '§6.1',
    'A statement MUST be written as id, code, state, output, progress, started, completed, with progress a Java double (0.0, 1.0).',
  ),
  b(
    'B-STATEMENT-003',
    '§6.2',
    'A successful statement MUST end "available" with output {"status":"ok","execution_count":<id>,"data":{…}}; Scala 1 + 1 gives "res0: Int = 2\\n"-style text, Python the stripped stdout.',
  ),
  b(
    'B-STATEMENT-004',
    '§6.2, §12.12',
    'A failing statement MUST end "available" with output status "error" and ename, evalue and traceback (Python NameError; Scala ename "Error").',
  ),
  b(
    'B-STATEMENT-005',
    '§6.2',
    'A SQL statement MUST answer application/json {"schema": Spark StructType JSON, "data": rows}.',
  ),
  b(
    'B-STATEMENT-006',
    '§6.3',
    'Statements of a session MUST run one at a time in submission order.',
  ),
  b(
    'B-STATEMENT-007',
    '§6.3',
    'Cancelling a waiting statement MUST make it "cancelled" at once with output null and started 0.',
  ),
  b(
    'B-STATEMENT-008',
    '§6.3',
    'Cancelling a running statement MUST pass through "cancelling" and end "cancelled".',
  ),
  b(
    'B-STATEMENT-009',
    '§2.14, §12.11',
    'Cancel MUST always answer 200 {"msg":"canceled"}, for finished and unknown statements too.',
  ),
  b(
    'B-STATEMENT-010',
    '§2.13, §12.3',
    'An unknown statement MUST answer 404 with the bare JSON string "Statement not found".',
  ),
  b(
    'B-STATEMENT-011',
    '§2.13',
    'A non-integer statement id MUST answer 400 {"msg":"For input string: \\"<id>\\""}.',
  ),
  b(
    'B-STATEMENT-012',
    '§2.12, §12.4',
    'Posting a statement to a session whose server side is not running MUST answer 500 "java.lang.IllegalStateException: Session is in state <state>".',
  ),
  b(
    'B-STATEMENT-013',
    '§12.6',
    'On a shared session a statement without kind MUST fail 500 with "Code type should be specified if session kind is shared"; with a kind it runs on that interpreter.',
  ),
  b(
    'B-STATEMENT-014',
    '§12.5',
    'Listing or fetching statements of an inactive session MUST answer 400 {"msg":"requirement failed: Session isn\'t active."}.',
  ),
  b(
    'B-STATEMENT-015',
    '§2.11, §12.15',
    'GET …/statements MUST answer {"total_statements","statements"} without from; order=desc reverses, from/size page.',
  ),
  b(
    'B-STATEMENT-016',
    '§1.4',
    'An unknown field in a statement body MUST answer 400 naming org.apache.livy.ExecuteRequest.',
  ),
  b('B-STATEMENT-017', '§6.1', 'Code with CRLF line endings MUST come back with LF.'),
  b(
    'B-STATEMENT-018',
    '§2.15',
    'POST …/completion MUST answer {"candidates":[…]}; without a kind it fails with 500 "Invalid kind: null".',
  ),
  b(
    'B-STATEMENT-019',
    '§2.12',
    'Statement ids MUST start at 0 per session, never be reused, and execution_count MUST equal the statement id.',
  ),
  b(
    'B-STATEMENT-020',
    '§2.12',
    'A statement kind the server does not know MUST fail with 500 naming "Invalid kind".',
  ),
  b(
    'B-STATEMENT-021',
    '§2.11, §12.24',
    'Listing statements while the driver starts MUST wait for the driver and then answer.',
  ),
  b(
    'B-STATEMENT-022',
    '§2.12',
    'A statement body without code MUST fail with 500 (a remote NullPointerException).',
  ),

  // Job API
  b(
    'B-JOB-001',
    '§2.16',
    'POST …/submit-job and …/run-job MUST answer 201 {"id":<n>,"state":"SENT","result":null,"error":null}, job ids counting from 1 per session.',
  ),
  b(
    'B-JOB-002',
    '§2.16',
    'A job request without a payload MUST answer 400 {"msg":"requirement failed: no job provided."}.',
  ),
  b(
    'B-JOB-003',
    '§2.16, §12.21',
    'GET …/jobs/{id} MUST answer the job status; an unknown id is 500 "java.util.NoSuchElementException: key not found: <id>".',
  ),
  b(
    'B-JOB-004',
    '§2.16',
    'POST …/jobs/{id}/cancel MUST answer 200 with an empty body, unknown ids included.',
  ),
  b(
    'B-JOB-005',
    '§2.16',
    'add-jar, add-pyfile and add-file MUST accept an allowed URI with an empty 200 and refuse a non-whitelisted local path with 400 {"msg":"requirement failed: Local path … cannot be added to user sessions."}.',
  ),
  b(
    'B-JOB-006',
    '§2.16',
    'upload-jar, upload-pyfile and upload-file without their part MUST answer 400 "No jar sent!" / "No file sent!" as bare strings.',
  ),
  b(
    'B-JOB-007',
    '§2.16',
    'An add-* URI that is not valid URI syntax MUST fail with 500 java.net.URISyntaxException.',
  ),

  // Batches
  b(
    'B-BATCH-001',
    '§3.1',
    'GET /batches MUST answer {"from","total","sessions"} (the key is "sessions" for batches too).',
  ),
  b(
    'B-BATCH-002',
    '§3.2, §3.3',
    'POST /batches MUST answer 201 with Location /batches/<id> and the batch written as id, name, owner, proxyUser, state, appId, appInfo, log.',
  ),
  b(
    'B-BATCH-003',
    '§7.3',
    'A batch whose application exits 0 MUST go starting → running → success.',
    'real Livy 0.9.0 in local mode answers the create with "running" already; see B-BATCH-011',
  ),
  b('B-BATCH-004', '§7.3', 'A batch whose application exits non-zero MUST end "dead".'),
  b(
    'B-BATCH-011',
    '§7.3 (observed)',
    'With a local master, POST /batches MUST answer "starting" or, racing spark-submit, already "running", with an empty log ["stdout: ", "\\nstderr: "]; the batch runs at once (spark-submit is the application) and ends "success" when it exits 0.',
  ),
  b(
    'B-BATCH-005',
    '§3.2, §12.8',
    'A batch request Livy rejects after registering it (no file, blacklisted conf, non-whitelisted path) MUST answer 400 and leave a batch in "starting" with an empty log until it is deleted.',
  ),
  b(
    'B-BATCH-006',
    '§10',
    'A batch log MUST merge stderr into stdout: its "\\nstderr: " section is empty.',
  ),
  b(
    'B-BATCH-007',
    '§3.4',
    'DELETE /batches/{id} MUST answer 200 {"msg":"deleted"}; afterwards the batch is 404.',
  ),
  b(
    'B-BATCH-008',
    '§3.2',
    'A batch request MUST refuse fields only sessions have (kind) with a 400 naming CreateBatchRequest.',
  ),
  b('B-BATCH-009', '§12.20', 'Batch and session ids MUST be independent counters.'),
  b(
    'B-BATCH-010',
    '§3.4',
    'GET /batches/{id}/state MUST answer {"id","state"} and GET …/log pages the batch log.',
  ),

  // livy-emulator control API (no Livy equivalent)
  b(
    'B-EMU-001',
    'README: control API',
    'POST /__emulator/clock/advance MUST move virtual time and run every transition that became due.',
  ),
  b(
    'B-EMU-002',
    'README: control API',
    'POST /__emulator/outcomes MUST script the output, error or duration of statements whose code matches.',
  ),
  b(
    'B-EMU-003',
    'README: control API',
    'A session-start-fails fault MUST make the next session go "error" then "dead" with the reason in its log.',
  ),
  b(
    'B-EMU-004',
    'README: control API',
    'An interpreter-dies fault MUST end the running statement with "Interpreter died" and leave the session in "error".',
  ),
  b(
    'B-EMU-005',
    'README: control API',
    'An HTTP fault MUST answer its status for the matching route, count times, then Livy answers again.',
  ),
  b(
    'B-EMU-006',
    'README: control API',
    'POST /__emulator/reset MUST empty the state, restart ids at 0 and rewind the clock.',
  ),
  b(
    'B-EMU-007',
    'README: control API',
    'GET /__emulator/requests MUST list the Livy requests served (method, path, status, time) and reading it MUST change nothing.',
  ),
  b(
    'B-EMU-008',
    '§7.4, §12.19',
    'On virtual time, a finished session MUST stay visible for livy.server.session.state-retain.sec and disappear at the next 60 s GC tick.',
  ),
  b(
    'B-EMU-009',
    '§7.4, §12.16',
    'On virtual time, an idle session MUST be deleted after livy.server.session.timeout (1 h); GETs do not count as activity.',
  ),
  b(
    'B-EMU-010',
    '§7.5',
    'On virtual time, a session with heartbeatTimeoutInSecond MUST be deleted by the watchdog once nobody called it for that long.',
  ),
  b(
    'B-EMU-011',
    'README: control API',
    'A batch-fails fault MUST end the batch "dead" with the exit in its log.',
  ),
  b(
    'B-EMU-012',
    'README: control API',
    'GET /__emulator MUST serve the HTML control page and GET /__emulator/state a read-only snapshot of sessions, statements, batches and pending steps.',
  ),
  b(
    'B-EMU-013',
    'README: control API',
    'Outcome rules and HTTP faults MUST be listable and removable one by one or all at once.',
  ),
  b(
    'B-EMU-014',
    'README: control API',
    'POST /__emulator/step MUST run the oldest pending manual step and answer 404 when none is pending.',
  ),
  b(
    'B-EMU-015',
    'README: what a statement answers',
    "Tables added with POST /__emulator/tables MUST be listed by GET, seen by every session's SQL with their DDL types, and gone after DELETE /__emulator/tables/{name}.",
  ),
  b(
    'B-EMU-017',
    'README: the control page',
    'The control page MUST serve its script and style, and GET /__emulator/events MUST stream a hello with the clock, then each change (ending after `max` events when asked).',
  ),
  b(
    'B-EMU-016',
    'README: the request journal',
    'The journal MUST keep each request body (4 KiB, secrets redacted), filter by method and path, and POST /__emulator/requests/verify MUST count the matching requests and list the nearest misses.',
  ),

  // Security (set-up apache-0.9-secured; REFERENCE §8)
  b(
    'B-SEC-001',
    '§8.1',
    'With authentication on, a request without credentials MUST be refused with 401, a WWW-Authenticate challenge of the handler (PseudoAuth, Basic), a cleared hadoop.auth cookie and Jetty\'s error page "Authentication required".',
  ),
  b(
    'B-SEC-002',
    '§8.1',
    'An authenticated request MUST get a signed hadoop.auth cookie (u, p, t, e, s) that authenticates later requests without credentials.',
  ),
  b(
    'B-SEC-003',
    '§8.4',
    'With CSRF protection on, a request whose method is not GET, HEAD or OPTIONS and that lacks X-Requested-By (any value counts) MUST get 400 "Missing Required Header for CSRF protection." after authentication; for DELETE the page has no body.',
  ),
  b(
    'B-SEC-004',
    '§8.2',
    'With ACLs on, a user in none of allowed-users, view-users, modify-users and superusers MUST get 403 "User not authorised to use Livy." on every route.',
  ),
  b(
    'B-SEC-005',
    '§8.1, §8.3',
    'The owner of a new session or batch MUST be the authenticated user; with impersonation on and no target, proxyUser MUST be the owner too.',
  ),
  b(
    'B-SEC-006',
    '§8.2',
    'With ACLs on, reading a session or batch needs no permission, but its log and statements need view access (owner, proxy user, view, modify or super users): others get 403 with the body {} and an empty log field.',
  ),
  b(
    'B-SEC-007',
    '§8.2',
    'With ACLs on, deleting, stopping and submitting need modify access (owner, proxy user, modify or super users): others get 403 with the body {}.',
  ),
  b(
    'B-SEC-008',
    '§8.3',
    'With impersonation on, a user who is not a superuser MUST NOT create as someone else (proxyUser or doAs): 403 {"msg":"User \'<user>\' not allowed to impersonate \'Some(<target>)\'."}, and nothing is created.',
  ),
  b(
    'B-SEC-009',
    '§8.3',
    "A superuser MUST be allowed to impersonate anyone; doAs wins over the body's proxyUser; the proxy user counts as an owner (LIVY-592).",
  ),
  b(
    'B-SEC-010',
    '§8.3',
    'doAs on any other route MUST make the ACL check run as the target when the caller may impersonate it, and answer the impersonation 403 when not.',
  ),

  // Vendor profiles (VARIANTS.md; documented behaviour, not checked against the vendors)
  b(
    'B-FABRIC-001',
    'VARIANTS §1.3, §1.4',
    'Fabric: POST /sessions and POST /batches MUST answer 202 with a GUID id.',
  ),
  b(
    'B-FABRIC-002',
    'VARIANTS §1.3',
    'Fabric: POST /sessions/{id}/statements MUST answer 200 (not 201).',
  ),
  b(
    'B-FABRIC-003',
    'VARIANTS §1.2, §1.3',
    "Fabric: a missing or invalid Bearer token MUST get 401 with Fabric's error body {requestId, errorCode, message}; an invalid one says InvalidToken.",
  ),
  b(
    'B-FABRIC-004',
    'VARIANTS §1.5',
    'Fabric: session and batch bodies MUST carry livyInfo with currentState (what clients wait on) and the request echoed as jobCreationRequest.',
  ),
  b('B-FABRIC-005', 'VARIANTS §1.3', 'Fabric: POST /sessions/{id}/reset-timeout MUST answer 204.'),
  b(
    'B-FABRIC-006',
    'VARIANTS §1.3, §1.9',
    'Fabric: an unknown session MUST answer 404 with Fabric\'s error body, not Livy\'s {"msg"}.',
  ),
  b(
    'B-FABRIC-007',
    'VARIANTS §1.9',
    "Fabric: throttling MUST answer 429 with Retry-After and Fabric's error body.",
  ),
  b(
    'B-HDI-001',
    'VARIANTS §3',
    'HDInsight: Livy answers under /livy behind the gateway; POST /livy/batches MUST answer 201 with a Location that lacks the /livy prefix.',
  ),
  b(
    'B-HDI-002',
    'VARIANTS §3',
    'HDInsight: CSRF protection is on: a POST without X-Requested-By MUST get 400.',
  ),
  b(
    'B-HDI-003',
    'VARIANTS §3',
    "HDInsight: wrong cluster credentials MUST get the gateway's 401 {Code, Message, CorrelationId, ResponseTimestamp}.",
  ),
  b(
    'B-SYN-001',
    'VARIANTS §2',
    'Synapse: creates (sessions, batches, statements) MUST answer 200, not 201.',
  ),
  b(
    'B-SYN-002',
    'VARIANTS §2',
    'Synapse: plain bodies carry id, appId, appInfo, state, log (batches add registeredSources); ?detailed=true MUST add livyInfo, the pool and the scheduler envelope.',
  ),
  b('B-SYN-003', 'VARIANTS §2', 'Synapse: lists MUST return at most 20 items per page.'),
  b('B-SYN-004', 'VARIANTS §2', 'Synapse: PUT /sessions/{id}/reset-timeout MUST answer 200.'),
  b(
    'B-SPYT-001',
    'VARIANTS §7',
    'SPYT: with --livy-max-sessions 3, a fourth live session MUST be refused like Livy refuses a create (400 {"msg":"Rejected, too many sessions are being created!"}).',
  ),
  b(
    'B-LIVY08-001',
    'REFERENCE §13',
    'Livy 0.8: ttl is the per-session idle timeout, the session body has no idleTimeout and its ttl slot holds the proxy user; idleTimeout in a request MUST be an unknown field.',
  ),
  b(
    'B-LIVY07-001',
    'Livy 0.7.1 source (HttpMessages.SessionInfo, CreateInteractiveRequest)',
    'Livy 0.7.1: a session body MUST carry exactly id, name, appId, owner, proxyUser, state, kind, appInfo, log (in that order); ttl and idleTimeout in a create MUST be unknown fields.',
  ),
  b(
    'B-DEPLOY-001',
    'Spark 3.5 quick start (spark.range, count)',
    'Deployment: a pyspark session MUST run real Spark work: spark.range(1000).count() is 1000, spark.version is reported.',
  ),
  b(
    'B-DEPLOY-002',
    'Spark 3.5 RDD programming guide',
    'Deployment: sc.parallelize(range(100), 4).map(lambda x: x * 2).sum() MUST be 9900 (executors run Python tasks).',
  ),
  b(
    'B-DEPLOY-003',
    'Spark 3.5 SQL guide (DataFrames, temporary views)',
    'Deployment: a DataFrame groupBy().count() and a SQL query over a temporary view MUST give the right rows.',
  ),
  b(
    'B-DEPLOY-004',
    'Livy REST API (statement output)',
    'Deployment: a failing statement MUST answer status "error" with the exception, and the session MUST stay usable.',
  ),
  b(
    'B-DEPLOY-005',
    'Livy REST API (session kinds)',
    'Deployment: spark (Scala) and sql sessions MUST run the same kinds of work with the right results.',
  ),
  b(
    'B-DEPLOY-006',
    'Spark 3.5 examples (SparkPi), Livy REST API (batches)',
    'Deployment: a batch running Spark\'s examples jar (SparkPi) MUST end success with "Pi is roughly" in its log; a batch whose main class does not exist MUST end dead.',
  ),
  b(
    'B-DEPLOY-007',
    'Livy REST API (authentication)',
    'Deployment: the configured credentials MUST be accepted and wrong ones refused with 401 or 403.',
  ),
  b(
    'B-ANSWERS-001',
    'shared/spark/answers-livy-0.9.0-spark-3.5.json (Livy 0.9.0, Spark 3.5.9, Python 3.11)',
    "Spark answers: every statement of the corpus MUST reach a final state in a session of its kind; an output other than Spark 3.5.9's (after masking run-specific values) is reported, not failed.",
  ),
]
