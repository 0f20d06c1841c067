using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Reconciler.Core.State;
using Xunit;

namespace Reconciler.State.Tests;

public sealed class ApplyLockTests : IDisposable
{
    private readonly TestDirectory _temp = new("state");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AcquireApplyLock_SecondAttempt_ThrowsAtOnceNamingPidAndTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath, time);
        await using var held = await store.AcquireApplyLockAsync(CancellationToken.None);

        var started = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<StateLockedException>(() => store.AcquireApplyLockAsync(CancellationToken.None));

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2), $"took {started.Elapsed}");
        Assert.Equal(
            $"state store '{_temp.StatePath}' is locked by another apply (pid {Environment.ProcessId}, since 2026-11-24T10:00:00Z)",
            error.Message);
    }

    [Fact]
    public async Task AcquireApplyLock_FromASecondStoreOnTheSameFile_Throws()
    {
        await using var first = await SqliteStateStore.OpenAsync(_temp.StatePath);
        await using var second = await SqliteStateStore.OpenAsync(_temp.StatePath);
        await using var held = await first.AcquireApplyLockAsync(CancellationToken.None);

        await Assert.ThrowsAsync<StateLockedException>(() => second.AcquireApplyLockAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AcquireApplyLock_AfterDispose_SucceedsAgain()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        var held = await store.AcquireApplyLockAsync(CancellationToken.None);
        await held.DisposeAsync();

        await using var again = await store.AcquireApplyLockAsync(CancellationToken.None);

        Assert.NotNull(again);
    }

    [Fact]
    public async Task AcquireApplyLock_WhileHeld_LockFileSaysWhoAndIsEmptiedOnRelease()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        var held = await store.AcquireApplyLockAsync(CancellationToken.None);

        var whileHeld = Locking.LockFilePeek.TryRead(store.LockPath);
        await held.DisposeAsync();

        Assert.StartsWith($"pid={Environment.ProcessId}\nsince=", whileHeld, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(store.LockPath).Length);
        Assert.True(File.Exists(store.LockPath), "the lock file is never deleted");
    }

    [Fact]
    public async Task AcquireApplyLock_DisposedTwice_IsHarmless()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        var held = await store.AcquireApplyLockAsync(CancellationToken.None);

        await held.DisposeAsync();
        await held.DisposeAsync();

        await using var again = await store.AcquireApplyLockAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AcquireApplyLock_Cancelled_Throws()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => store.AcquireApplyLockAsync(new CancellationToken(canceled: true)));
    }

    [RequiresToolFact("flock", "util-linux")]
    public async Task AcquireApplyLock_HolderProcessKilled_LockIsReleased()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);

        // flock(1) takes the same kind of lock .NET takes for FileShare.None. -o: only flock itself
        // holds the descriptor (not its sleeping child), so its death is what must free the lock.
        using var holder = Process.Start(new ProcessStartInfo("flock")
        {
            ArgumentList = { "-o", store.LockPath, "sleep", "30" },
            UseShellExecute = false,
        })!;
        try
        {
            var error = await WaitUntilLockedAsync(store, TimeSpan.FromSeconds(10));
            Assert.Contains("is locked by another apply (holder unknown", error.Message, StringComparison.Ordinal);

            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync();

            await using var acquired = await store.AcquireApplyLockAsync(CancellationToken.None);
        }
        finally
        {
            if (!holder.HasExited)
            {
                holder.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<StateLockedException> WaitUntilLockedAsync(SqliteStateStore store, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            try
            {
                // Not taken yet by the child: release at once, so the child (which waits) can take it.
                var mine = await store.AcquireApplyLockAsync(CancellationToken.None);
                await mine.DisposeAsync();
            }
            catch (StateLockedException locked)
            {
                return locked;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the child process never took the lock");
    }
}
