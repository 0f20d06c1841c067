using Reconciler.Testing;
using Reconciler.Testing.Platform;

namespace Reconciler.Cli.Tests.Support;

/// <summary>
/// One import test's world: a fake platform on 127.0.0.1 (<see cref="FakeTaskPlatform"/>), a temp working directory
/// with the repository in <c>repo/</c>, and the CLI's environment (a token, no retry waits).
/// </summary>
internal sealed class ImportBench : IAsyncDisposable
{
    public const string UserId = "5832d184-dd53-42a0-8ace-0bf8d660f4cc";

    private readonly TestDirectory _directory = new("import");

    private ImportBench(FakeTaskPlatform platform) => Platform = platform;

    public FakeTaskPlatform Platform { get; }

    public Dictionary<string, string> Environment { get; } = new()
    {
        ["RECONCILER_API_TOKEN"] = "test-token-0123456789",
        ["RECONCILER_API_RETRY_BASE_DELAY_MS"] = "10",
        ["RECONCILER_API_MAX_RETRIES"] = "1",
    };

    public string Path => _directory.Path;

    /// <summary>The repository folder import writes into.</summary>
    public string Repo => _directory.Combine("repo");

    public static async Task<ImportBench> StartAsync() => new(await FakeTaskPlatform.StartAsync());

    /// <summary>A task on the platform holding a valid 新版 body (two lines) named <paramref name="name"/>.</summary>
    public void AddTask(string taskId, string? name = null, string? subUserId = null, string? body = null) =>
        Platform.AddTask(UserId, taskId, subUserId: subUserId, body: body ?? ImportableBodies.V2(name ?? $"任务-{taskId.Length}"));

    /// <summary><c>reconciler import repo --user-id U --api-url FAKE</c> plus <paramref name="extra"/>.</summary>
    public Task<CliResult> ImportAsync(params string[] extra) =>
        RunAsync(["import", "repo", "--user-id", UserId, "--api-url", Platform.BaseAddress.ToString(), .. extra]);

    public Task<CliResult> RunAsync(string[] args) => InProcessCli.RunAsync(Path, Environment, args);

    public string File(string relative) => _directory.Combine("repo", relative);

    public async ValueTask DisposeAsync()
    {
        await Platform.DisposeAsync();
        _directory.Dispose();
    }
}
