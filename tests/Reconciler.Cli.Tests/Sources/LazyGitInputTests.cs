using System.Text;
using Reconciler.Cli.Commands;
using Reconciler.Cli.Output;
using Reconciler.Testing.Git;

namespace Reconciler.Cli.Tests.Sources;

/// <summary>
/// <c>--repo</c> reads each blob from the clone when evaluation needs it: the input owns the open clone until the
/// command disposes it (nothing is copied out of the clone before the command starts).
/// </summary>
public sealed class LazyGitInputTests
{
    [Fact]
    public async Task RepoInput_ReadsBlobsThroughTheOpenClone_UntilDisposed()
    {
        using var remote = new TestGitRemote();
        remote.Write("tasks/a.yaml", SourceCliHarness.Manifest("t-a")).Write("tasks/b.yaml", SourceCliHarness.Manifest("t-b"));
        var commit = remote.CommitAndPush("two tasks");
        using var work = SourceCliHarness.TempDirectory();
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, TextReader.Null, false, false, _ => null, work.Path);
        var request = new ManifestRequest(null, remote.FileUrl, "main", "tasks", [], [], ManifestInputOptions.DefaultCacheDirectory, "plan");

        var input = await ManifestInputOptions.ReadAsync(request, console, CancellationToken.None);
        var a = input.Snapshot.Files.Single(f => f.Path == "a.yaml");
        var text = Encoding.UTF8.GetString(a.Read().Span);
        input.Dispose();

        Assert.Equal(commit, input.Snapshot.Revision);
        Assert.Equal(SourceCliHarness.Manifest("t-a"), text);
        Assert.Throws<ObjectDisposedException>(() => input.Snapshot.Files.Single(f => f.Path == "b.yaml").Read());
    }

    [Fact]
    public async Task DirectoryInput_OwnsNoReader()
    {
        using var work = SourceCliHarness.TempDirectory();
        File.WriteAllText(Path.Combine(work.Path, "a.yaml"), SourceCliHarness.Manifest("t-a"));
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, TextReader.Null, false, false, _ => null, work.Path);
        var request = new ManifestRequest(".", null, "main", "", [], [], ManifestInputOptions.DefaultCacheDirectory, "plan");

        using var input = await ManifestInputOptions.ReadAsync(request, console, CancellationToken.None);

        Assert.Null(input.Reader);
        Assert.Equal(["a.yaml"], input.Snapshot.Files.Select(f => f.Path));
    }
}
