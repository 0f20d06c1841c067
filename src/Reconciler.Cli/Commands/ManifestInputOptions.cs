using System.CommandLine;
using Reconciler.Cli.Output;
using Reconciler.Core.Manifests;
using Reconciler.Core.Sources;

namespace Reconciler.Cli.Commands;

/// <summary>Where manifests come from: a directory argument and include/exclude globs.</summary>
public sealed class ManifestInputOptions
{
    public Argument<string> Directory { get; } = new("DIR")
    {
        Description = "Directory holding the task manifests (default: the current directory).",
        DefaultValueFactory = _ => ".",
    };

    public Option<string[]> Include { get; } = new("--include")
    {
        Description = "Glob of manifest files, relative to DIR (repeatable). Default: **/*.yaml and **/*.yml.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string[]> Exclude { get; } = new("--exclude")
    {
        Description = "Glob of files to skip, relative to DIR (repeatable). Default: anything inside hidden directories (.git, .github, ...).",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Directory);
        command.Options.Add(Include);
        command.Options.Add(Exclude);
    }

    public ManifestGlob Glob(ParseResult result)
    {
        var include = result.GetValue(Include) ?? [];
        var exclude = result.GetValue(Exclude) is { Length: > 0 } excluded ? excluded : null;
        return include.Length == 0 && exclude is null ? ManifestGlob.Default : new ManifestGlob(include, exclude);
    }

    /// <summary>Reads the directory; the display prefix makes paths clickable from the working directory.</summary>
    public (SourceSnapshot Snapshot, string DisplayPrefix) ReadDirectory(ParseResult result, CliConsole console)
    {
        var typed = result.GetValue(Directory) ?? ".";
        var snapshot = new DirectorySource(console.ResolvePath(typed), Glob(result)).Read();
        return (snapshot, DisplayPaths.PrefixFor(typed));
    }
}
