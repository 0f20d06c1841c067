using System.Collections;
using System.Text.Json.Nodes;
using Reconciler.Core.Normalization;

namespace Reconciler.Core.Planning;

/// <summary>
/// The field changes of an <c>adopt</c>: every field of the body, shown as added. Worked out from the body
/// each time they are read and never kept, because a first plan of a large repository adopts every task, and
/// holding a copy of every body split into fields doubled the memory of such a plan.
/// </summary>
internal sealed class AdoptionChanges(CanonicalBody body) : IReadOnlyList<FieldChange>
{
    public int Count => Compute().Count;

    public FieldChange this[int index] => Compute()[index];

    public IEnumerator<FieldChange> GetEnumerator() => Compute().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IReadOnlyList<FieldChange> Compute() => JsonDiff.Compare(new JsonObject(), body.ToNode());
}
