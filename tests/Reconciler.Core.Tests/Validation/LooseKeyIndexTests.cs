using Reconciler.Core.Diagnostics;
using Reconciler.Core.Manifests;
using Reconciler.Core.Normalization;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.Validation;

/// <summary>
/// The index that lets a one-file change patch the desired state: identities that differ never share a key at fleet size
/// (else a fleet of 100,000 would never be patched), and identities the cross-file rules call the same always do.
/// </summary>
public sealed class LooseKeyIndexTests
{
    private static readonly CanonicalBody Body = CanonicalBody.FromJson("""{"name":"a"}""");

    [Fact]
    public void Of_HundredThousandDistinctIdentities_NoKeyIsShared()
    {
        // With 32-bit hashes this fleet shared a key about 69% of the time (the birthday bound), and never patched.
        var evaluations = Enumerable.Range(0, 100_000).Select(i => Evaluation(Identity(i % 7, i))).ToList();

        var index = LooseKeyIndex.Of(evaluations);

        Assert.Equal(0, index.Shared);
    }

    [Fact]
    public void AddRemove_SameIdentityInAnotherCase_IsSharedUntilOneIsRemoved()
    {
        var first = Evaluation(Identity(1, 42));
        var second = Evaluation(new TaskIdentity(first.Tasks[0].Identity.UserId.ToUpperInvariant(), first.Tasks[0].Identity.TaskId.ToUpperInvariant()));
        var index = LooseKeyIndex.Of([first]);

        index.Add(second);
        var shared = index.Shared;
        index.Remove(first);

        Assert.Equal(1, shared);
        Assert.Equal(0, index.Shared);
    }

    private static TaskIdentity Identity(int account, int task) =>
        new($"5832d184-dd53-42a0-8ace-{account:x12}", $"{task:x8}-dd54-42a0-8ace-{task:x12}");

    private static FileEvaluation Evaluation(TaskIdentity identity)
    {
        var file = $"tasks/{identity.TaskId}.yaml";
        return new FileEvaluation(file, [new TaskManifest(identity, ApiFlavour.V2, "a", Body, false, false, new SourceLocation(file, 1, 1), [])], []);
    }
}
