using Reconciler.Cli.Tests.Support;

namespace Reconciler.Cli.Tests.Commands;

/// <summary>A state file that cannot be used is a user error: one line naming the file, exit 1, no stack trace.</summary>
public sealed class StateFileErrorTests : IDisposable
{
    private readonly TestDirectory _directory = new();

    public StateFileErrorTests()
    {
        _directory.CopyFromOutput("sample-repo");
        _directory.Write("state.db", "this is not an SQLite database, it is a note someone saved under the wrong name.\n");
    }

    [Fact]
    public async Task Plan_StateFileNotSqlite_FailsWithOneLineAndExitOne()
    {
        var result = await InProcessCli.RunAsync(_directory.Path, null, ["plan", "sample-repo", "--state", "state.db"]);

        AssertOneLineError(result);
    }

    [Fact]
    public async Task Apply_StateFileNotSqlite_FailsWithOneLineAndExitOne()
    {
        // The address is never contacted: the state is opened before anything is sent.
        var token = new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = "tok-never-sent-0123456789" }; // apply needs one to start at all
        var result = await InProcessCli.RunAsync(_directory.Path, token, ["apply", "sample-repo", "--state", "state.db", "--api-url", "http://127.0.0.1:9/", "--auto-approve"]);

        AssertOneLineError(result);
    }

    public void Dispose() => _directory.Dispose();

    private void AssertOneLineError(CliResult result)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(
            $"reconciler: error: state store '{_directory.Combine("state.db")}' is not an SQLite database (SQLite Error 26: 'file is not a database'): move the file aside or choose another state path",
            result.Error.TrimEnd());
    }
}
