using System.CommandLine;
using Reconciler.Cli.Output;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Core.Sources;
using Reconciler.Files;
using Reconciler.Git;

namespace Reconciler.Cli.Commands;

/// <summary>
/// Where manifests come from: a directory (a checkout), or a git repository read straight from a
/// commit's tree (<c>--repo URL --ref REF</c>), filtered by include/exclude globs.
/// </summary>
internal sealed class ManifestInputOptions
{
    public const string DefaultCacheDirectory = ".reconciler/git-cache";

    // No DefaultValueFactory: help would print "[default: .]" after the description, which already says it.
    public Argument<string?> Directory { get; } = new("DIR")
    {
        Description = "Directory holding the task manifests; the current directory when omitted. Not used with --repo.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string[]> Include { get; } = new("--include")
    {
        Description = "Glob of manifest files, relative to DIR (repeatable). Default: **/*.yaml and **/*.yml.",
    };

    public Option<string[]> Exclude { get; } = new("--exclude")
    {
        Description = "Glob of files to skip, relative to DIR (repeatable). Default: anything inside hidden directories (.git, .github, ...).",
    };

    public Option<string?> Repository { get; } = new("--repo")
    {
        Description = "Read manifests from this git repository instead of DIR: https (token from RECONCILER_GIT_TOKEN or GITHUB_TOKEN), file://, git:// or a local path. Cloned (bare) into --cache-dir; no checkout.",
    };

    public Option<string> Ref { get; } = new("--ref")
    {
        Description = "With --repo: the branch, tag or commit to read.",
        DefaultValueFactory = _ => "main",
    };

    public Option<string> RepositoryPath { get; } = new("--path")
    {
        Description = "With --repo: the folder of the repository holding the manifests (default: its root).",
        DefaultValueFactory = _ => "",
    };

    public Option<string> CacheDirectory { get; } = new("--cache-dir")
    {
        Description = "With --repo: where bare clones are kept.",
        DefaultValueFactory = _ => DefaultCacheDirectory,
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Directory);
        command.Options.Add(Include);
        command.Options.Add(Exclude);
        command.Options.Add(Repository);
        command.Options.Add(Ref);
        command.Options.Add(RepositoryPath);
        command.Options.Add(CacheDirectory);
    }

    public ManifestGlob Glob(ParseResult result) => LocalManifests.Glob(result.GetValue(Include) ?? [], result.GetValue(Exclude) ?? []);


    public bool UsesRepository(ParseResult result) => result.GetValue(Repository) is not null;

    /// <summary>The manifests, and the prefix that makes their paths readable where the user stands; dispose it when the command is done.</summary>
    /// <param name="allowFile">
    /// DIR may name one file (validate). plan and apply refuse it: every other task in the state would look removed.
    /// </param>
    public Task<ManifestInput> ReadAsync(ParseResult result, CliConsole console, CancellationToken cancellationToken, bool allowFile = false) =>
        ReadAsync(
            new ManifestRequest(
                result.GetValue(Directory),
                result.GetValue(Repository),
                result.GetValue(Ref) ?? "main",
                result.GetValue(RepositoryPath) ?? "",
                result.GetValue(Include) ?? [],
                result.GetValue(Exclude) ?? [],
                result.GetValue(CacheDirectory) ?? DefaultCacheDirectory,
                result.CommandResult.Command.Name),
            console,
            cancellationToken,
            allowFile);

    /// <summary>The manifests named by <paramref name="request"/> (the options of this command, or those a saved plan recorded).</summary>
    public static async Task<ManifestInput> ReadAsync(ManifestRequest request, CliConsole console, CancellationToken cancellationToken, bool allowFile = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var glob = LocalManifests.Glob(request.Include, request.Exclude);
        if (request.Repository is not { } url)
        {
            var typed = request.Directory ?? ".";
            var full = console.ResolvePath(typed);
            if (!allowFile && LocalManifests.IsFile(full))
            {
                throw new CliException($"'{typed}' is a file: {request.Command} reads a whole directory of manifests (validate takes a single file)");
            }

            var (snapshot, prefix) = LocalManifests.Read(typed, full, glob);
            return new ManifestInput(snapshot, prefix, null);
        }

        var path = request.RepositoryPath.Trim('/');
        var source = new GitRepositorySource(new GitRepositorySourceOptions
        {
            Url = LocalPathOrUrl(url, console),
            Branch = request.Ref,
            Path = path,
            Glob = glob,
            CacheDirectory = console.ResolvePath(request.CacheDirectory),
            ReadEnvironment = console.Environment,
        });
        try
        {
            var fetched = await source.FetchAsync(cancellationToken);
            await console.Error.WriteLineAsync($"reconciler: read {source.DisplayUrl} at {fetched.CommitId[..12]} ({request.Ref})");

            // The blobs are read from the clone when evaluation needs them (files over the size limit never are): the
            // clone stays open with the input, instead of every file being copied out before the command starts.
            return new ManifestInput(fetched.Snapshot, DisplayPaths.PrefixFor(path), source);
        }
        catch (GitSourceException e)
        {
            source.Dispose();
            throw new CliException(e.Message, e);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>A relative local path is relative to where the user stands, not to the process.</summary>
    private static string LocalPathOrUrl(string url, CliConsole console) =>
        url.Contains("://", StringComparison.Ordinal) || Path.IsPathRooted(url) ? url : console.ResolvePath(url);
}
