using System.Collections.Concurrent;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation;

/// <summary>
/// From a source snapshot to the desired state. Files are evaluated in parallel; when a file carries a
/// content id (a git blob id), its evaluation is cached, so a one-file change in a large repository
/// re-parses one file. The cache keeps only the entries of the latest snapshot.
/// </summary>
public sealed class ManifestPipeline(ManifestEvaluator? evaluator = null)
{
    private readonly ManifestEvaluator _evaluator = evaluator ?? new ManifestEvaluator();
    private ConcurrentDictionary<(string Path, string ContentId), FileEvaluation> _cache = new();
    private string _settingsKey = "";

    /// <summary>Files evaluated (parsed and validated) by the last call.</summary>
    public int LastEvaluatedFiles { get; private set; }

    /// <summary>Files answered from the cache by the last call.</summary>
    public int LastCachedFiles { get; private set; }

    public DesiredState Evaluate(SourceSnapshot snapshot)
    {
        var (settings, settingsProblems) = RepositorySettings.Parse(snapshot.Settings);
        var settingsKey = string.Join("\n", settings.AllowedExtraFields.Order(StringComparer.Ordinal));
        if (settingsKey != _settingsKey)
        {
            // Other settings can change any file's verdict: nothing cached before them is reused.
            _cache = new();
            _settingsKey = settingsKey;
        }

        var previous = _cache;
        var next = new ConcurrentDictionary<(string, string), FileEvaluation>();
        var evaluated = 0;
        var evaluations = snapshot.Files
            .AsParallel()
            .AsOrdered()
            .Select(file =>
            {
                if (file.ContentId is { } id && previous.TryGetValue((file.Path, id), out var cached))
                {
                    next[(file.Path, id)] = cached;
                    return cached;
                }

                Interlocked.Increment(ref evaluated);
                var result = _evaluator.Evaluate(file, settings);
                if (file.ContentId is { } contentId)
                {
                    next[(file.Path, contentId)] = result;
                }

                return result;
            })
            .ToList();

        _cache = next;
        LastEvaluatedFiles = evaluated;
        LastCachedFiles = snapshot.Files.Count - evaluated;
        return DesiredState.Build(evaluations, [.. snapshot.Diagnostics, .. settingsProblems], snapshot.Revision);
    }
}
