using Xunit;

namespace Reconciler.State.Tests;

public sealed class StateConnectionsTests : IDisposable
{
    private readonly TestDirectory _temp = new("state");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Open_EveryConnection_IsDurableAndWaitsForOtherWriters()
    {
        Directory.CreateDirectory(_temp.Path);
        var connections = new StateConnections(Path.Combine(_temp.Path, "c.db"));

        // Twice: the second comes from the pool and must carry the same settings.
        for (var i = 0; i < 2; i++)
        {
            await using var connection = await connections.OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous;";
            Assert.Equal(2L, await command.ExecuteScalarAsync()); // 2 = FULL
            command.CommandText = "PRAGMA busy_timeout;";
            Assert.Equal((long)StateConnections.BusyTimeoutMilliseconds, await command.ExecuteScalarAsync());
        }

        connections.ClearPool();
    }
}
