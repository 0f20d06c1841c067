using System.Text.Json.Nodes;
using Reconciler.Core.Planning;

namespace Reconciler.Core.State;

/// <summary>What an accepted body changed from the one accepted before it (<c>state history --diff</c>), field by field as plans show it.</summary>
public static class AcceptedBodyChanges
{
    /// <param name="before">The body accepted before, as stored (canonical JSON).</param>
    /// <param name="after">The body accepted after it.</param>
    public static IReadOnlyList<FieldChange> Between(string before, string after) =>
        JsonDiff.Compare(JsonNode.Parse(before), JsonNode.Parse(after));
}
