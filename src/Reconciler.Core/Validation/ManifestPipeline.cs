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
    private Dictionary<(string Path, string ContentId), FileEvaluation> _cache = [];
    private string _settingsKey = "";
    private (FileEvaluation[] Evaluations, Diagnostics.Diagnostic[] Diagnostics, DesiredState State)? _last;

    /// <summary>Files evaluated (parsed and validated) by the last call.</summary>
    public int LastEvaluatedFiles { get; private set; }

    /// <summary>Files answered from the cache by the last call.</summary>
    public int LastCachedFiles { get; private set; }

    /// <summary>
    /// Whether the last call re-used the previous call's desired state: every file came from the cache, in the same
    /// order, with the same source problems, so the cross-file rules (one identity, one manifest; TaskSet names) were
    /// not checked again over the whole repository.
    /// </summary>
    public bool LastReusedState { get; private set; }

    public DesiredState Evaluate(SourceSnapshot snapshot)
    {
        var (settings, settingsProblems) = RepositorySettings.Parse(snapshot.Settings);
        var (policy, policyProblems) = Guardrails.PolicyFileReader.Read(snapshot.Policy);
        settings = settings with { Policy = policy };
        var settingsKey = string.Join("\n", settings.AllowedExtraFields.Order(StringComparer.Ordinal)) + "\n" + policy.CacheKey;
        if (settingsKey != _settingsKey)
        {
            // Other settings can change any file's verdict: nothing cached before them is reused.
            _cache = [];
            _settingsKey = settingsKey;
        }

        var files = snapshot.Files;
        var data = new Sources.DataFiles(snapshot.DataFiles);
        var evaluations = new FileEvaluation[files.Count];
        var next = new Dictionary<(string, string), FileEvaluation>(files.Count);
        var misses = new List<int>();

        // Cache hits first, on this thread: after a one-file change they are all but one file, and handing
        // 10,000 dictionary look-ups to parallel workers cost more than the look-ups themselves.
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].ContentId is { } id && _cache.TryGetValue((files[i].Path, id), out var cached) && TaskSets.DataDependency.AllUnchanged(cached.Dependencies, data))
            {
                evaluations[i] = cached;
                next[(files[i].Path, id)] = cached;
            }
            else
            {
                misses.Add(i);
            }
        }

        if (misses.Count > 0)
        {
            Parallel.ForEach(misses, i => evaluations[i] = _evaluator.Evaluate(files[i], settings, data));
            foreach (var i in misses)
            {
                if (files[i].ContentId is { } contentId)
                {
                    next[(files[i].Path, contentId)] = evaluations[i];
                }
            }
        }

        _cache = next;
        LastEvaluatedFiles = misses.Count;
        LastCachedFiles = files.Count - misses.Count;
        Diagnostics.Diagnostic[] problems = [.. snapshot.Diagnostics, .. settingsProblems, .. policyProblems];
        LastReusedState = misses.Count == 0 && _last is { } last && SameEvaluations(last.Evaluations, evaluations) && last.Diagnostics.SequenceEqual(problems);
        var desired = LastReusedState
            ? _last!.Value.State with { Revision = snapshot.Revision, Policy = policy }
            : DesiredState.Build(TaskSets.TaskSetNames.Check(evaluations), problems, snapshot.Revision) with { Policy = policy };
        _last = (evaluations, problems, desired);
        return desired;
    }

    /// <summary>The very same evaluations (the cache's instances), file for file.</summary>
    private static bool SameEvaluations(FileEvaluation[] before, FileEvaluation[] now)
    {
        if (before.Length != now.Length)
        {
            return false;
        }

        for (var i = 0; i < now.Length; i++)
        {
            if (!ReferenceEquals(before[i], now[i]))
            {
                return false;
            }
        }

        return true;
    }
}
