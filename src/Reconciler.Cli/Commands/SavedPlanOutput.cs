using System.CommandLine;
using Reconciler.Core.Manifests;
using Reconciler.Core.Planning;
using Reconciler.Core.SavedPlans;

namespace Reconciler.Cli.Commands;

/// <summary>
/// <c>plan --out FILE</c>: the plan, saved for <c>apply FILE</c> with what it was made against — the state's id and
/// serial (read before planning, so any later write is noticed), the endpoint, where the manifests were read and a
/// digest of them — written to a new file that replaces FILE only once complete.
/// </summary>
internal sealed class SavedPlanOutput
{
    private const string SecretInManifest = "secret-in-manifest";

    public Option<string?> Out { get; } = new("--out")
    {
        Description = "Save the plan to FILE, to apply exactly it later with `reconciler apply FILE` (refused if the state, a planned task's manifest or record, or the endpoint changed since, or it is too old). Plans against the state only (not with --base); not saved when a manifest is invalid.",
        HelpName = "FILE",
    };

    /// <summary>Where the manifests were read, as apply must read them again (never a URL's credentials).</summary>
    public static SavedSource Source(ParseResult result, ManifestInputOptions inputs, SourceSnapshot snapshot)
    {
        var repository = result.GetValue(inputs.Repository);
        return new SavedSource(
            repository is null ? result.GetValue(inputs.Directory) ?? "." : null,
            repository is null ? null : WithoutCredentials(repository),
            repository is null ? null : result.GetValue(inputs.Ref),
            repository is null ? null : result.GetValue(inputs.RepositoryPath),
            result.GetValue(inputs.Include) ?? [],
            result.GetValue(inputs.Exclude) ?? [],
            snapshot.Revision,
            ManifestDigest.Of(snapshot));
    }

    /// <exception cref="CliException">The plan has invalid manifests or a body holding a token (nothing is written), or the file cannot be written.</exception>
    public static async Task WriteAsync(string path, Plan plan, Func<SavedPlan> save, CliConsole console, CancellationToken cancellationToken)
    {
        if (plan.HasErrors)
        {
            throw new CliException($"the plan was not saved to '{path}': {plan.Summary.Invalid} manifest(s) are invalid; fix them and plan again");
        }

        // A saved plan holds every body it sends: one that holds a configured token must not be written to a file (an artefact).
        if (plan.Entries.Where(e => e.Action.SendsPut()).SelectMany(e => e.Diagnostics).Any(d => d.Code == SecretInManifest))
        {
            throw new CliException($"the plan was not saved to '{path}': a manifest value holds a configured token (the {SecretInManifest} warning above says where); a saved plan keeps every body it sends, so remove the token (and rotate it) first");
        }

        var saved = save();
        var full = console.ResolvePath(path);
        var temporary = full + ".partial";
        try
        {
            await File.WriteAllTextAsync(temporary, SavedPlanFile.Write(saved), cancellationToken);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new CliException($"could not save the plan to '{path}': {e.Message}", e);
        }

        var changes = saved.Entries.Count;
        await console.Error.WriteLineAsync($"reconciler: saved the plan to {path} ({changes} change{(changes == 1 ? "" : "s")}, state serial {saved.State.Serial}); apply exactly it with: reconciler apply {path}");
    }

    private static string WithoutCredentials(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0 ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString() : url;
}
