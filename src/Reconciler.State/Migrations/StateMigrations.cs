namespace Reconciler.State.Migrations;

/// <summary>The ordered schema history of the state file. The file's <c>PRAGMA user_version</c> says how far it got.</summary>
internal static class StateMigrations
{
    /// <summary>
    /// v1: the inventory (<c>tasks</c>), the append-only attempt history and the runs. STRICT tables, so a
    /// body can only ever be stored as TEXT (never coerced to a number or a blob). Timestamps are ISO-8601
    /// UTC text of fixed width, so ordering by the text is ordering by time.
    /// </summary>
    private static readonly StateMigration V1 = new(1, "inventory, attempt history, runs", """
        CREATE TABLE tasks (
            user_id         TEXT NOT NULL,
            task_id         TEXT NOT NULL,
            body            TEXT NOT NULL,
            body_hash       TEXT NOT NULL,
            source_file     TEXT NOT NULL,
            source_revision TEXT,
            applied_at      TEXT NOT NULL,
            PRIMARY KEY (user_id, task_id)
        ) STRICT;

        -- AUTOINCREMENT: ids are never reused, even if a later version prunes old history.
        CREATE TABLE attempts (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            at          TEXT NOT NULL,
            revision    TEXT,
            user_id     TEXT NOT NULL,
            task_id     TEXT NOT NULL,
            outcome     TEXT NOT NULL,
            api_code    INTEGER,
            message     TEXT,
            duration_ms INTEGER NOT NULL,
            body_hash   TEXT
        ) STRICT;
        CREATE INDEX attempts_by_time ON attempts (at, id);
        CREATE INDEX attempts_by_task ON attempts (user_id, task_id, at, id);

        -- History is evidence: the database itself refuses to rewrite it.
        CREATE TRIGGER attempts_no_update BEFORE UPDATE ON attempts
        BEGIN SELECT RAISE(ABORT, 'attempts are append-only'); END;
        CREATE TRIGGER attempts_no_delete BEFORE DELETE ON attempts
        BEGIN SELECT RAISE(ABORT, 'attempts are append-only'); END;

        CREATE TABLE runs (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            started_at  TEXT NOT NULL,
            duration_ms INTEGER NOT NULL,
            revision    TEXT,
            "trigger"   TEXT NOT NULL,
            applied     INTEGER NOT NULL CHECK (applied IN (0, 1)),
            outcomes    TEXT NOT NULL,
            error       TEXT
        ) STRICT;
        CREATE INDEX runs_by_time ON runs (started_at, id);
        """);

    /// <summary>
    /// v2: write-ahead intents, and what the store is bound to. A row is written before each request (PUT or task_stop) and settled by a
    /// definitive answer; one left unsettled after the task's last applied intent means the task is in doubt.
    /// Attempts name the intent they settle. Intents are never deleted, and once settled never change.
    /// </summary>
    private static readonly StateMigration V2 = new(2, "write-ahead intents", """
        CREATE TABLE intents (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            at          TEXT NOT NULL,
            revision    TEXT,
            user_id     TEXT NOT NULL,
            task_id     TEXT NOT NULL,
            operation   TEXT NOT NULL CHECK (operation IN ('update', 'stop')),
            body_hash   TEXT,
            settled_at  TEXT,
            outcome     TEXT
        ) STRICT;
        CREATE INDEX intents_by_task ON intents (user_id, task_id, id);
        CREATE INDEX intents_unsettled ON intents (settled_at) WHERE settled_at IS NULL;

        CREATE TRIGGER intents_no_delete BEFORE DELETE ON intents
        BEGIN SELECT RAISE(ABORT, 'intents are never deleted'); END;
        CREATE TRIGGER intents_settle_once BEFORE UPDATE ON intents WHEN OLD.settled_at IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'a settled intent never changes'); END;

        ALTER TABLE attempts ADD COLUMN intent_id INTEGER REFERENCES intents (id);

        -- What the store is: a random id (a replaced file is noticed) and the API endpoint its records describe.
        CREATE TABLE store_info (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT;
        INSERT INTO store_info (key, value) VALUES ('store_id', lower(hex(randomblob(16))));
        """);

    /// <summary>
    /// v3: each update intent's deadline — until when its request may still land on the platform; cleared when it is
    /// settled with nothing left that could (every attempt answered). A newer body waits for an older request's deadline.
    /// </summary>
    private static readonly StateMigration V3 = new(3, "request deadlines", """
        ALTER TABLE intents ADD COLUMN deadline_at TEXT;
        CREATE INDEX intents_open ON intents (deadline_at) WHERE deadline_at IS NOT NULL;
        """);

    /// <summary>
    /// v4: the serial (<c>StateVersion.Serial</c>), what a saved plan checks before it is applied. Triggers count every
    /// change to the inventory, the intents and store_info, whichever code writes them; runs and attempts do not count.
    /// </summary>
    private static readonly StateMigration V4 = new(4, "serial for saved plans", """
        CREATE TABLE state_serial (
            id    INTEGER PRIMARY KEY CHECK (id = 1),
            value INTEGER NOT NULL
        ) STRICT;
        INSERT INTO state_serial (id, value) VALUES (1, 0);

        CREATE TRIGGER tasks_serial_insert AFTER INSERT ON tasks BEGIN UPDATE state_serial SET value = value + 1; END;
        CREATE TRIGGER tasks_serial_update AFTER UPDATE ON tasks BEGIN UPDATE state_serial SET value = value + 1; END;
        CREATE TRIGGER tasks_serial_delete AFTER DELETE ON tasks BEGIN UPDATE state_serial SET value = value + 1; END;
        CREATE TRIGGER intents_serial_insert AFTER INSERT ON intents BEGIN UPDATE state_serial SET value = value + 1; END;
        CREATE TRIGGER intents_serial_update AFTER UPDATE ON intents BEGIN UPDATE state_serial SET value = value + 1; END;
        CREATE TRIGGER store_info_serial_insert AFTER INSERT ON store_info BEGIN UPDATE state_serial SET value = value + 1; END;
        CREATE TRIGGER store_info_serial_update AFTER UPDATE ON store_info BEGIN UPDATE state_serial SET value = value + 1; END;
        """);

    /// <summary>v5: the TaskSet each task was applied from (its name; null for a plain Task manifest), for <c>state list</c> and plans.</summary>
    private static readonly StateMigration V5 = new(5, "task set names", """
        ALTER TABLE tasks ADD COLUMN set_name TEXT;
        """);

    /// <summary>
    /// v6: the revision the service holds back (a halted staged rollout, a rollback), so that no pass continues it after a
    /// restart. At most one is open (released_at NULL); a released hold is kept, never deleted. And every body the platform
    /// accepted, by its hash (the attempts name it), so <c>state history TASK --diff</c> can show what changed between them.
    /// </summary>
    private static readonly StateMigration V6 = new(6, "revision holds, accepted bodies", """
        CREATE TABLE accepted_bodies (
            body_hash TEXT PRIMARY KEY,
            body      TEXT NOT NULL
        ) STRICT;
        INSERT INTO accepted_bodies (body_hash, body) SELECT body_hash, body FROM tasks WHERE true ON CONFLICT (body_hash) DO NOTHING;

        CREATE TABLE revision_holds (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            kind            TEXT NOT NULL CHECK (kind IN ('halted', 'rolled_back')),
            revision        TEXT NOT NULL,
            held_at         TEXT NOT NULL,
            halt            TEXT,
            rolled_back_to  TEXT,
            released_at     TEXT,
            released_reason TEXT
        ) STRICT;
        CREATE INDEX revision_holds_open ON revision_holds (released_at) WHERE released_at IS NULL;
        CREATE TRIGGER revision_holds_no_delete BEFORE DELETE ON revision_holds
        BEGIN SELECT RAISE(ABORT, 'revision holds are released, never deleted'); END;
        """);

    /// <summary>
    /// v7: audit (issue 26): where each run's revision came from — the merged pull request, who merged it, who approved it
    /// (logins, comma-separated: a GitHub login has no comma). Null columns: not looked up.
    /// </summary>
    private static readonly StateMigration V7 = new(7, "run audit (pull request, merged by, approved by)", """
        ALTER TABLE runs ADD COLUMN pull_request INTEGER;
        ALTER TABLE runs ADD COLUMN merged_by TEXT;
        ALTER TABLE runs ADD COLUMN approved_by TEXT;
        """);

    /// <summary>Every step, oldest first. Append new steps here; never change a released one.</summary>
    public static IReadOnlyList<StateMigration> All { get; } = [V1, V2, V3, V4, V5, V6, V7];

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => All[^1].Version;
}
