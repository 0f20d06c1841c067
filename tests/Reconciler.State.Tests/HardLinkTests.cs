using Reconciler.Core.State;
using Reconciler.Testing.Files;
using Xunit;

namespace Reconciler.State.Tests;

/// <summary>
/// Issue 20: <c>ln state.db other.db</c> gave one state file two apply locks (<c>state.db.lock</c>, <c>other.db.lock</c>) and
/// two SQLite journals, and two applies ran at once. A state file with more than one name is now refused: on open, before
/// taking the lock, and before every write once a second name appears.
/// </summary>
public sealed class HardLinkTests : IDisposable
{
    private readonly TestDirectory _temp = new("state");

    public void Dispose() => _temp.Dispose();

    private string OtherName => Path.Combine(Path.GetDirectoryName(_temp.StatePath)!, "other.db");

    [LinuxFact]
    public async Task Open_StateFileWithASecondName_IsRefusedUnderEitherName()
    {
        await (await SqliteStateStore.OpenAsync(_temp.StatePath)).DisposeAsync();
        SpecialFiles.HardLink(_temp.StatePath, OtherName);

        foreach (var name in new[] { _temp.StatePath, OtherName })
        {
            var error = await Assert.ThrowsAsync<StateStoreException>(() => SqliteStateStore.OpenAsync(name));
            Assert.Contains("the state file has 2 names (hard links)", error.Message, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(OtherName + "-wal"));
    }

    [LinuxFact]
    public async Task Store_SecondNameAppearingWhileOpen_RefusesTheLockAndEveryWrite()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        await store.BindEndpointAsync("http://127.0.0.1:1/", forgetRecords: false, CancellationToken.None);

        SpecialFiles.HardLink(_temp.StatePath, OtherName);

        var locked = await Assert.ThrowsAsync<StateStoreException>(() => store.AcquireApplyLockAsync(CancellationToken.None));
        Assert.Contains("hard links", locked.Message, StringComparison.Ordinal);
        var write = await Assert.ThrowsAnyAsync<StateStoreException>(() => store.BindEndpointAsync("http://127.0.0.1:2/", forgetRecords: false, CancellationToken.None));
        Assert.Contains("hard links", write.Message, StringComparison.Ordinal);
    }

    [LinuxFact]
    public async Task Store_OneName_LocksAndWritesAsBefore()
    {
        await using var store = await SqliteStateStore.OpenAsync(_temp.StatePath);
        await using var held = await store.AcquireApplyLockAsync(CancellationToken.None);

        await store.BindEndpointAsync("http://127.0.0.1:1/", forgetRecords: false, CancellationToken.None);

        Assert.Equal("http://127.0.0.1:1/", await store.ReadEndpointAsync(CancellationToken.None));
    }
}
