namespace Reconciler.Service.Configuration;

/// <summary>Every setting of <c>reconciler run</c>; docs/service.md lists the same table (a test keeps them equal).</summary>
public static class ServiceSettings
{
    public static readonly ServiceSetting Repo = new("Repo", "(required)", "Repository to watch: https://, http:// (loopback only), git://, file:// or a local path. For https the token comes from RECONCILER_GIT_TOKEN (else GITHUB_TOKEN).");
    public static readonly ServiceSetting WaitForRepo = new("WaitForRepo", "false", "Start even when the repository cannot be read yet (not created yet, no network at boot): keep polling, /readyz answers 503 until the first fetch. Without it, a repository or branch that cannot be read at start stops the service with the reason.", Switch: true);
    public static readonly ServiceSetting Branch = new("Branch", "main", "Branch to follow (a tag, a full ref or a commit id also work).");
    public static readonly ServiceSetting Path = new("Path", "(repository root)", "Folder of the manifests inside the repository.");
    public static readonly ServiceSetting State = new("State", ".reconciler/state.db", "SQLite state file (the service holds its apply lock while it runs), or a PostgreSQL database shared by several replicas, one of which leads: postgres://user@host:port/db?search_path=… or Host=…;Database=… (password from RECONCILER_STATE_PASSWORD, RECONCILER_STATE_PASSWORD_FILE or PGPASSWORD). See docs/high-availability.md.");
    public static readonly ServiceSetting RebindState = new("RebindState", "false", "The state records another API endpoint: bind it to ApiUrl, forgetting its records (every task is adopted again; the history is kept). Without it such a state is refused.", Switch: true);
    public static readonly ServiceSetting CacheDir = new("CacheDir", "git-cache beside the state file (.reconciler/git-cache with PostgreSQL)", "Where the bare clone of the repository is kept.");
    public static readonly ServiceSetting ApiUrl = new("ApiUrl", "https://ai.api.longlonglong.cn", "Task API base URL. A non-loopback http:// URL is refused.");
    public static readonly ServiceSetting Interval = new("Interval", "60s", "How often the remote is polled (plus jitter). Durations: 500ms, 30s, 5m, 1h or 00:05:00.");
    public static readonly ServiceSetting Jitter = new("Jitter", "0.1", "Random extra delay added to each poll, as a share of the interval (0 to 1), so many services do not poll in step.");
    public static readonly ServiceSetting Resync = new("Resync", "5m", "How often the last fetched revision is re-planned without a new commit (retries blocked and failed tasks whose backoff has passed).");
    public static readonly ServiceSetting RetryBase = new("RetryBase", "30s", "First per-task retry delay after blocked or failed; doubles on each further failure.");
    public static readonly ServiceSetting RetryMax = new("RetryMax", "10m", "Longest per-task retry delay, and longest poll delay while the remote is unreachable.");
    public static readonly ServiceSetting Listen = new("Listen", "127.0.0.1:8080", "Address of /healthz, /readyz, /metrics, /status and /hooks/github (port 0: any free port).");
    public static readonly ServiceSetting Parallelism = new("Parallelism", "4", "PUT requests in flight at once.");
    public static readonly ServiceSetting MaxRps = new("MaxRps", "(no limit)", "At most this many requests a second to the platform (0.1 to 10000), every worker, read and retry of the process counted. A 429 pauses every worker for its Retry-After either way.");
    public static readonly ServiceSetting Verify = new("Verify", "false", "After each accepted update, read the task back (one detail read per PUT) and compare what the detail carries with what was sent; a task that holds other values shows 'unverified: FIELDS' in /status and its attempt history.", Switch: true);
    public static readonly ServiceSetting Batch = new("Batch", "(everything at once)", "Staged rollout: send a pass's updates in batches of SIZE, a count (25) or a share of the updates (10%), each judged before the next. A batch over HaltOnRejected or HaltOnFailed halts the rollout: recorded in the state, nothing more of that revision is sent (on any replica, after a restart) until a new revision or reconciler sync --resume.");
    public static readonly ServiceSetting Canary = new("Canary", "(as Batch)", "The first batch of a staged rollout only (a count or a share); later batches are Batch (without Batch: the rest at once).");
    public static readonly ServiceSetting BatchPause = new("BatchPause", "0s", "Wait this long between the batches of a staged rollout (needs Batch or Canary).");
    public static readonly ServiceSetting HaltOnRejected = new("HaltOnRejected", "10", "Halt a staged rollout when more than this percentage of a batch is rejected (0: any rejection; needs Batch or Canary).");
    public static readonly ServiceSetting HaltOnFailed = new("HaltOnFailed", "10", "Halt a staged rollout when more than this percentage of a batch fails or is unauthorized (needs Batch or Canary).");
    public static readonly ServiceSetting GracePeriod = new("GracePeriod", "25s", "On shutdown, how long PUTs already sent may take to finish (their results are recorded).");
    public static readonly ServiceSetting RunningCheck = new("RunningCheck", "true", "Read each changed task's running state before applying (a running task is reported blocked without a PUT).", Switch: true);
    public static readonly ServiceSetting Refresh = new("Refresh", "true", "Read the managed tasks from the platform (one GET each) and report drift: tasks changed on the platform since they were applied. Reads trickle over the resync period in slices (each task once per period; drifted and recently changed tasks first; at most half of MaxRps).", Switch: true);
    public static readonly ServiceSetting SelfHeal = new("SelfHeal", "false", "Re-apply drifted tasks on the resync timer (like Argo CD's self-heal). Without it drift is only reported (/status, /metrics, log).", Switch: true);
    public static readonly ServiceSetting SelfHealLimit = new("SelfHealLimit", "3", "A task re-applied this many times within an hour after drift is reported as fighting (someone keeps changing it) and held back.");
    public static readonly ServiceSetting SyncWindow = new("SyncWindow", "(always)", "When applying is allowed, e.g. 22:00-07:00 (several: 22:00-07:00,12:00-13:00). Outside, the service plans and reports only.");
    public static readonly ServiceSetting TimeZone = new("TimeZone", "UTC", "IANA time zone of the sync windows, e.g. Asia/Shanghai.");
    public static readonly ServiceSetting LogFormat = new("LogFormat", "text", "Log format on stdout: text (one line per event) or json (one JSON object per line, for log collectors).");
    public static readonly ServiceSetting LogLevel = new("LogLevel", "Information", "Lowest level logged: Trace, Debug, Information, Warning, Error.");
    public static readonly ServiceSetting GitHubRepo = new("GitHubRepo", "(off)", "Also watch this repository's open pull requests (OWNER/NAME) and keep one plan comment on each up to date. Token from GITHUB_TOKEN.");
    public static readonly ServiceSetting GitHubApiUrl = new("GitHubApiUrl", "https://api.github.com", "GitHub API base URL (GitHub Enterprise: https://HOST/api/v3).");
    public static readonly ServiceSetting RepoWebUrl = new("RepoWebUrl", "(plain paths)", "Web address of the repository, for file links on the status page: https://github.com/OWNER/NAME, or a template with {revision} and {path}.");
    public static readonly ServiceSetting Notify = new("Notify", "(none)", "Post a message per newly blocked, failed, in-doubt or left-stopped task and per recovered one to this URL (repeatable): WeCom, DingTalk or Feishu group robot by host, else generic JSON; a prefix (wecom+, dingtalk+, feishu+, json+) chooses. The URL holds the robot's key: prefer the variable or the file to the flag.", Repeatable: true);

    public static IReadOnlyList<ServiceSetting> All { get; } =
    [
        Repo, WaitForRepo, Branch, Path, State, RebindState, CacheDir, ApiUrl, Interval, Jitter, Resync, RetryBase, RetryMax, Listen,
        Parallelism, MaxRps, Verify, Batch, Canary, BatchPause, HaltOnRejected, HaltOnFailed, GracePeriod, RunningCheck, Refresh, SelfHeal, SelfHealLimit, SyncWindow, TimeZone, LogFormat, LogLevel, GitHubRepo, GitHubApiUrl,
        RepoWebUrl, Notify,
    ];

    /// <summary>Secrets are read from the environment only: never from flags (visible in <c>ps</c>) or config files.</summary>
    public const string WebhookSecretVariable = "RECONCILER_WEBHOOK_SECRET";

    public const string GitHubTokenVariable = "GITHUB_TOKEN";

    /// <summary>The bearer token of <c>POST /sync</c> (and of <c>reconciler sync</c>); unset: the endpoint answers 404.</summary>
    public const string SyncTokenVariable = "RECONCILER_SYNC_TOKEN";

    /// <summary>The configuration file, when not given with <c>--config</c>.</summary>
    public const string ConfigFileVariable = "RECONCILER_CONFIG";
}
