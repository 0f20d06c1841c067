using System.Text;
using Reconciler.Benchmarks;
using Reconciler.Core.Loading;

namespace Reconciler.Core.Tests.Loading;

/// <summary>
/// The fast loader against the full one (<see cref="LoaderComparison"/>): it must read the manifests people
/// write, and whatever it accepts it must load exactly as YamlDotNet does; everything else it must decline.
/// </summary>
public sealed class FastYamlLoaderTests
{
    public static TheoryData<string> SampleRepository()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "testdata", "sample-repo"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(AppContext.BaseDirectory, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleRepository))]
    public void Load_SampleRepositoryManifest_IsReadFastAndExactly(string file)
    {
        Assert.True(LoaderComparison.FastAgrees(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, file))), $"{file} was declined");
    }

    [Trait("Category", "Slow")] // 400 generated manifests through both loaders
    [Fact]
    public void Load_GeneratedManifests_AreReadFastAndExactly()
    {
        for (var i = 0; i < 400; i++)
        {
            Assert.True(LoaderComparison.FastAgrees(Encoding.UTF8.GetBytes(ManifestGenerator.Manifest(i))), $"generated manifest {i} was declined");
        }
    }

    [Theory]
    [MemberData(nameof(FastYamlCases.Accepted), MemberType = typeof(FastYamlCases))]
    public void Load_SupportedConstruct_IsReadFastAndExactly(string yaml)
    {
        Assert.True(LoaderComparison.FastAgrees(Encoding.UTF8.GetBytes(yaml)), "declined");
    }

    [Trait("Category", "Slow")] // every pointer of 3,000 list entries compared between both loaders
    [Fact]
    public void Load_LongFlowList_IsReadFastAndExactly()
    {
        Assert.True(LoaderComparison.FastAgrees(Encoding.UTF8.GetBytes(FastYamlCases.LongFlowList)), "declined");
    }

    [Theory]
    [MemberData(nameof(FastYamlCases.Declined), MemberType = typeof(FastYamlCases))]
    public void Load_ConstructLeftToTheFullLoader_IsDeclined(string yaml)
    {
        Assert.False(LoaderComparison.FastAgrees(Encoding.UTF8.GetBytes(yaml)), "accepted");
    }

    [Fact]
    public void Load_Limits_AreLeftToTheFullLoader()
    {
        var yaml = Encoding.UTF8.GetBytes("a: {b: {c: [1, 2, 3]}}\nd: [4]\n");
        Assert.True(LoaderComparison.FastAgrees(yaml));
        Assert.False(LoaderComparison.FastAgrees(yaml, new LoaderLimits(MaxDepth: 2)));
        Assert.False(LoaderComparison.FastAgrees(yaml, new LoaderLimits(MaxNodes: 5)));
        Assert.False(LoaderComparison.FastAgrees(Encoding.UTF8.GetBytes("a: 1\n---\nb: 2\n"), new LoaderLimits(MaxDocumentsPerFile: 1)));
    }

    [Trait("Category", "Slow")] // thousands of YAML mutations through both loaders
    [Fact]
    public void Load_MutatedManifests_AreReadExactlyOrDeclined()
    {
        var seeds = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "testdata", "sample-repo"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)
            .Concat(Enumerable.Range(0, 20).Select(i => ManifestGenerator.Manifest(i * 7)))
            .Concat(FastYamlCases.AcceptedTexts)
            .Append(FastYamlCases.LongFlowList)
            .ToList();
        var random = new Random(20261129);
        var accepted = 0;
        const int Mutations = 6000;
        for (var i = 0; i < Mutations; i++)
        {
            var text = YamlMutations.Apply(seeds[random.Next(seeds.Count)], random, 1 + random.Next(3));
            if (LoaderComparison.FastAgrees(Encoding.UTF8.GetBytes(text)))
            {
                accepted++;
            }
        }

        // Most single mutations keep a readable manifest; the fast loader must still be taking a good share.
        Assert.True(accepted > Mutations / 5, $"only {accepted} of {Mutations} mutations were read by the fast loader");
    }
}
