using Reconciler.Service.Configuration;
using Reconciler.Service.State;
using Xunit;

namespace Reconciler.Service.Tests.Units;

public sealed class StateStoreLocatorTests
{
    [Theory]
    [InlineData("postgres://recon@db:5432/state", true, "postgres://recon@db:5432/state")]
    [InlineData("Host=db;Database=state;Username=recon", true, "Host=db;Database=state;Username=recon")]
    [InlineData("sqlite:data/state.db", false, "/work/data/state.db")]
    [InlineData("data/state.db", false, "/work/data/state.db")]
    [InlineData("/var/lib/reconciler/state.db", false, "/var/lib/reconciler/state.db")]
    public void Resolve_PostgresSpecsStayAsGiven_AnythingElseIsAnSqlitePath(string spec, bool postgres, string expected)
    {
        var location = StateStoreLocator.Resolve(spec, "/work");

        Assert.Equal(postgres, location.IsPostgres);
        Assert.Equal(postgres ? expected : Path.GetFullPath(expected), location.Spec);
    }

    [Fact]
    public void Display_SpecWithAPassword_NeverShowsIt()
    {
        var location = StateStoreLocator.Resolve("postgres://recon:hunter2-secret@db/state", "/work");

        Assert.DoesNotContain("hunter2", location.Display, StringComparison.Ordinal);
        var error = Assert.Throws<Reconciler.Core.State.StateStoreException>(() => StateStoreLocator.Postgres(location, _ => null));
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceOptions_PostgresState_KeepsTheSpecCachesUnderDotReconcilerAndPrintsNoPassword()
    {
        var configuration = ServiceConfiguration.Build(
            new Dictionary<string, string?> { ["Repo"] = "https://github.com/acme/tasks.git", ["State"] = "postgres://recon@db:5432/state?search_path=team_a" }, null, _ => null);

        var options = ServiceOptionsReader.Read(configuration, "/work");

        Assert.Equal("postgres://recon@db:5432/state?search_path=team_a", options.StatePath);
        Assert.Equal(Path.GetFullPath("/work/.reconciler/git-cache"), options.CacheDirectory);
        Assert.Contains("State = postgres://recon@db:5432/state?search_path=team_a,", options.ToString(), StringComparison.Ordinal);
    }
}
