using Reconciler.Core.Reconciling;
using System.Text;
using Microsoft.Data.Sqlite;
using Reconciler.Core.State;
using Xunit;

namespace Reconciler.State.Tests;

public sealed class SecretHygieneTests : IDisposable
{
    // Shaped like a platform token; used only here, so finding it anywhere on disk would be a leak.
    private const string FakeToken = "tok_live_7Qm2ZxV9pR4sT8wK1nB6cD3fG5hJ0LaE";
    private const string TokenVariable = "RECONCILER_TOKEN_5832d184_dd53_42a0_8ace_0bf8d660f4cc";

    private readonly TestDirectory _temp = new("state");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task StateFiles_WrittenWhileATokenIsInTheEnvironment_NeverContainIt()
    {
        var previous = Environment.GetEnvironmentVariable(TokenVariable);
        Environment.SetEnvironmentVariable(TokenVariable, FakeToken);
        try
        {
            await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
            await using (await store.AcquireApplyLockAsync(CancellationToken.None))
            {
                await store.RecordAppliedAsync(StateSamples.Applied(), CancellationToken.None);
                await store.AppendAttemptAsync(
                    StateSamples.Attempt(StateSamples.At, ApplyOutcome.Unauthorized, apiCode: null, message: "HTTP 401 from the task API"),
                    CancellationToken.None);
                await store.RecordRunAsync(
                    new RunRecord(StateSamples.At, TimeSpan.FromSeconds(1), null, Core.Reconciling.RunTrigger.Cli, true,
                        new RunOutcomes(Unauthorized: 1), null),
                    CancellationToken.None);

                // Scan while the lock is held and the WAL is live, then again after everything is closed.
                AssertNoTokenInStateFiles(expectSomeData: false);
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(TokenVariable, previous);
        }

        SqliteConnection.ClearAllPools();
        AssertNoTokenInStateFiles(expectSomeData: true);
    }

    private void AssertNoTokenInStateFiles(bool expectSomeData)
    {
        var directory = Path.GetDirectoryName(_temp.StatePath)!;
        var all = new List<byte>();
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var bytes = ReadShared(file);
            Assert.True(
                bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(FakeToken)) < 0,
                $"the token was found in {Path.GetFileName(file)}");
            all.AddRange(bytes);
        }

        if (expectSomeData)
        {
            // The scan must be able to see stored text at all, or it would prove nothing.
            Assert.True(all.ToArray().AsSpan().IndexOf(Encoding.UTF8.GetBytes(StateSamples.TaskId)) >= 0);
        }
    }

    private static byte[] ReadShared(string file)
    {
        if (file.EndsWith(".lock", StringComparison.Ordinal))
        {
            // Held with FileShare.None while the apply runs; read it the way the store does.
            return Encoding.UTF8.GetBytes(Locking.LockFilePeek.TryRead(file) ?? string.Empty);
        }

        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (FileNotFoundException)
        {
            // SQLite removes the -wal file when its last connection closes: listed a moment ago, gone now, nothing to leak.
            return [];
        }
    }
}
