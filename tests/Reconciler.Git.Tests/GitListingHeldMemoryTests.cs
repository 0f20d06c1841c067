using System.Reflection;
using System.Text;

namespace Reconciler.Git.Tests;

/// <summary>
/// What the listing holds for every file between passes (the service keeps it): the lazy reader keeps the blob id as the
/// listing's own hex text, not a parsed ObjectId and a second delegate (docs/performance.md, "Round five").
/// </summary>
public sealed class GitListingHeldMemoryTests : IDisposable
{
    private readonly GitSourceHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact(Timeout = 60_000)]
    public async Task Fetch_ListedFile_ReaderHoldsTheContentIdTextOnly()
    {
        _h.Push("one", ("tasks/a.yaml", "a: 1"));
        var source = _h.Source();

        var file = (await source.FetchAsync(_h.Token)).Snapshot.Files.Single();

        var held = file.Read.Target!.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(f => f.GetValue(file.Read.Target))
            .ToList();
        Assert.DoesNotContain(held, v => v is LibGit2Sharp.ObjectId or Delegate);
        Assert.Contains(held, v => ReferenceEquals(v, file.ContentId));
        Assert.Equal("a: 1", Encoding.UTF8.GetString(file.Read().Span));
    }
}
