using Reconciler.Cli.Tests.Support;
using Reconciler.Core.Manifests;
using Reconciler.Core.State;
using Reconciler.State;

namespace Reconciler.Cli.Tests.NativePlan;

/// <summary>
/// The inputs the native plan is compared on, made once for the class: <c>sample-repo</c>; <c>applied.db</c>, the state
/// after applying it (to the embedded simulator); <c>edited</c>, the sample with one task changed, one deleted, one
/// invalid manifest and one broken YAML file; <c>in-doubt.db</c>, the applied state with an intent never settled;
/// <c>not-a-state.db</c>, a text file; <c>empty</c>, a directory without manifests.
/// </summary>
public sealed class NativePlanWorkspace : IAsyncLifetime, IDisposable
{
    private readonly TestDirectory _directory = new("native-plan");

    public string Path => _directory.Path;

    public string Combine(params string[] parts) => _directory.Combine(parts);

    public async Task InitializeAsync()
    {
        _directory.CopyFromOutput("sample-repo");
        Directory.CreateDirectory(Combine("empty"));
        var apply = await InProcessCli.RunAsync(Path, null, ["apply", "sample-repo", "--simulator", "--auto-approve", "--state", "applied.db"]);
        Assert.True(apply.ExitCode == 0, apply.ToString());

        Copy(Combine("sample-repo"), Combine("edited"));
        var changed = Combine("edited/tasks/renewals/mobile-plan-upgrade.yaml");
        File.WriteAllText(changed, File.ReadAllText(changed).Replace("remark: 宁波分公司存量用户升档", "remark: 改过的备注", StringComparison.Ordinal));
        File.Delete(Combine("edited/tasks/surveys/after-sales-satisfaction.yaml"));
        _directory.Write("edited/tasks/broken.yaml", "apiVersion: [unclosed\n");
        _directory.Write("edited/tasks/invalid.yaml", File.ReadAllText(Combine("sample-repo/tasks/surveys/nps-quarterly.yaml")).Replace("task_id:", "task_id: 12\n  x_task_id:", StringComparison.Ordinal));

        File.Copy(Combine("applied.db"), Combine("in-doubt.db"));
        await using (var store = await SqliteStateStore.OpenAsync(Combine("in-doubt.db")))
        {
            var identity = (await store.LoadAppliedAsync(CancellationToken.None)).Keys.OrderBy(i => i.TaskId, StringComparer.Ordinal).First();
            await store.RecordIntentAsync(new TaskIntent(0, identity, TaskIntent.Update, "0000", null, DateTimeOffset.UnixEpoch), CancellationToken.None);
        }

        _directory.Write("not-a-state.db", "this is not an SQLite file\n");
    }

    /// <summary><c>with-token</c>: the sample with <paramref name="token"/> as one task's remark.</summary>
    public void WriteTokenCopy(string token)
    {
        if (!Directory.Exists(Combine("with-token")))
        {
            Copy(Combine("sample-repo"), Combine("with-token"));
        }

        var file = Combine("with-token/tasks/renewals/mobile-plan-upgrade.yaml");
        File.WriteAllText(file, File.ReadAllText(Combine("sample-repo/tasks/renewals/mobile-plan-upgrade.yaml")).Replace("remark: 宁波分公司存量用户升档", $"remark: \"{token}\"", StringComparison.Ordinal));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
