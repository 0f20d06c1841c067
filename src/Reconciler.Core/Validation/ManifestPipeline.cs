using Reconciler.Core.Manifests;

namespace Reconciler.Core.Validation;

/// <summary>
/// From a source snapshot to the desired state. Files are evaluated in parallel; when a file carries a
/// content id (a git blob id), its evaluation is cached, so a one-file change in a large repository
/// re-parses one file. The cache keeps only the entries of the latest snapshot.
/// </summary>
/// <param name="remember">
/// Keep each file's evaluation, the last desired state and the identity index for the next call (the service's passes).
/// A command that evaluates once (<c>plan</c>) passes false: at 100,000 files they are about 17 MB never read again.
/// </param>
public sealed class ManifestPipeline(ManifestEvaluator? evaluator = null, bool remember = true)
{
    private readonly ManifestEvaluator _evaluator = evaluator ?? new ManifestEvaluator();
    private Dictionary<(string Path, string ContentId), FileEvaluation> _cache = [];
    private string _settingsKey = "";
    private (FileEvaluation[] Evaluations, Diagnostics.Diagnostic[] Diagnostics, DesiredState State)? _last;

    // Follows the evaluations of the last call (null until the first build): whether an identity is claimed twice.
    private LooseKeyIndex? _keys;
    private bool _lastSetsClashed = true;

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

    /// <summary>
    /// Whether the last call patched the previous desired state with the files that changed (<see cref="DesiredStatePatch"/>)
    /// instead of building it over every file: a one-file push in a large repository.
    /// </summary>
    public bool LastPatchedState { get; private set; }

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
                if (remember && files[i].ContentId is { } contentId)
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
        LastPatchedState = false;
        DesiredState desired;
        if (LastReusedState)
        {
            desired = _last!.Value.State with { Revision = snapshot.Revision, Policy = policy };
        }
        else
        {
            // Held outside the pipeline while it changes: a build that throws leaves no index, so the next call builds one.
            var keys = _keys;
            _keys = null;
            desired = Patched(evaluations, problems, snapshot.Revision, keys) ?? Built(evaluations, problems, snapshot.Revision, ref keys);
            desired = desired with { Policy = policy };
            _keys = keys;
        }

        _last = remember ? (evaluations, problems, desired) : null;
        return desired;
    }

    /// <summary>
    /// The previous desired state patched with the files that changed, when the cross-file rules cannot have anything to
    /// say (<see cref="DesiredStatePatch"/>): the previous state had no identity claimed twice and no TaskSet name clash,
    /// neither do the new evaluations, the changed files declare no TaskSet and place every entry in themselves, and the
    /// source problems are the same.
    /// Null when any of that does not hold; the identity index follows the evaluations either way.
    /// </summary>
    private DesiredState? Patched(FileEvaluation[] evaluations, Diagnostics.Diagnostic[] problems, string? revision, LooseKeyIndex? keys)
    {
        if (_last is not { } last || keys is null)
        {
            return null;
        }

        var now = evaluations.ToHashSet<object>(ReferenceEqualityComparer.Instance);
        var kept = last.Evaluations.ToHashSet<object>(ReferenceEqualityComparer.Instance);
        var removed = last.Evaluations.Where(e => !now.Contains(e)).ToList();
        var added = evaluations.Where(e => !kept.Contains(e)).ToList();
        var sharedBefore = keys.Shared;
        removed.ForEach(keys.Remove);
        added.ForEach(keys.Add);
        var exact = sharedBefore == 0 && keys.Shared == 0 && _lastSetsClashed == false
            && last.Diagnostics.SequenceEqual(problems)
            && removed.Concat(added).All(e => e.Sets.Count == 0 && InItsOwnFile(e));
        if (!exact)
        {
            return null;
        }

        LastPatchedState = true;
        return DesiredStatePatch.Apply(last.State, removed, added, evaluations, problems, revision);
    }

    /// <summary>Every entry of the file is placed in it (not in a data file another file may share): the patch merges by place.</summary>
    private static bool InItsOwnFile(FileEvaluation evaluation) =>
        evaluation.Tasks.All(t => t.Location.File == evaluation.File) && evaluation.Invalid.All(i => i.Location.File == evaluation.File);

    /// <summary>The whole desired state, with every cross-file rule (and a new identity index).</summary>
    private DesiredState Built(FileEvaluation[] evaluations, Diagnostics.Diagnostic[] problems, string? revision, ref LooseKeyIndex? keys)
    {
        var checkedSets = TaskSets.TaskSetNames.Check(evaluations);
        _lastSetsClashed = !ReferenceEquals(checkedSets, evaluations);
        keys ??= remember ? LooseKeyIndex.Of(evaluations) : null;
        return DesiredState.Build(checkedSets, problems, revision);
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
