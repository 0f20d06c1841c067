using System.Diagnostics;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Reconciler.Cli.Tests.PullRequests;

/// <summary>Reading the sample workflows as GitHub does, and running a step's script as the runner does (bash -e).</summary>
internal static class WorkflowYaml
{
    public static YamlMappingNode Load(string path)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Reconciler.Testing.RepositoryRoot.Path, path));
        yaml.Load(reader);
        return (YamlMappingNode)Assert.Single(yaml.Documents).RootNode;
    }

    public static IReadOnlyList<YamlMappingNode> Steps(YamlMappingNode root)
    {
        var job = (YamlMappingNode)Assert.Single(Map(root, "jobs").Children).Value;
        return ((YamlSequenceNode)job.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>().ToList();
    }

    public static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    public static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    public static async Task<int> RunBashAsync(string script, Dictionary<string, string> environment)
    {
        // The runner's default shell for run: steps on Linux.
        var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(deadline.Token), process.StandardError.ReadToEndAsync(deadline.Token));
        await process.WaitForExitAsync(deadline.Token);
        return process.ExitCode;
    }
}
