using System.Text.Json.Nodes;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Importing;

/// <summary>
/// Factors imported tasks into one TaskSet (<c>import --as-taskset</c>): what every task has in common becomes the
/// template, each task's differences its item, so that merging each item over the template
/// (<see cref="TaskSets.SpecMerge"/>'s rule) gives back exactly the task's spec.
/// </summary>
/// <remarks>
/// The template holds a field only when every task has it: a set cannot take a template field away from one item.
/// Where every task has an object, the template holds the part they share and each item only what it changes
/// (objects merge key by key); a list or a value is shared only when it is equal in every task (it is replaced whole).
/// </remarks>
public static class TaskSetFactoring
{
    /// <exception cref="ArgumentException">No tasks, tasks of more than one account or flavour (a set has one of each).</exception>
    public static FactoredSet Factor(IReadOnlyList<ImportedTask> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (tasks.Count == 0)
        {
            throw new ArgumentException("there are no tasks to put in a set", nameof(tasks));
        }

        if (tasks.Select(t => t.Flavour).Distinct().Count() > 1)
        {
            var counts = string.Join(", ", tasks.GroupBy(t => t.Flavour).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToApiVersion()}"));
            throw new ArgumentException($"the tasks are of both flavours ({counts}): a set has one apiVersion, so import each flavour into its own set (--task-id)", nameof(tasks));
        }

        if (tasks.Select(t => t.Identity.UserId).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new ArgumentException("the tasks belong to more than one account: a set's items share its user_id", nameof(tasks));
        }

        var template = Common(tasks.Select(t => (JsonNode)t.Spec).ToList()) as JsonObject ?? [];
        var subUsers = tasks.Select(t => t.SubUserId).Distinct(StringComparer.Ordinal).ToList();
        var sharedSubUser = subUsers.Count == 1 ? subUsers[0] : null;
        var items = tasks
            .Select(t => new FactoredItem(t.Identity, sharedSubUser is null ? t.SubUserId : null, Difference(t.Spec, template)))
            .OrderBy(i => i.Identity)
            .ToList();
        return new FactoredSet(tasks[0].Flavour, tasks[0].Identity.UserId, sharedSubUser, template, items);
    }

    /// <summary>What all the nodes share: equal values whole; for objects, the keys every one has, each shared in turn.</summary>
    private static JsonNode? Common(List<JsonNode> nodes)
    {
        if (nodes.All(n => n is JsonObject))
        {
            var objects = nodes.Cast<JsonObject>().ToList();
            var shared = new JsonObject();
            foreach (var (key, _) in objects[0])
            {
                // An object they share nothing of is left to the items, unless it is empty in all of them.
                if (objects.All(o => o.ContainsKey(key) && o[key] is not null)
                    && Common(objects.Select(o => o[key]!).ToList()) is { } common
                    && (common is not JsonObject { Count: 0 } || objects.All(o => o[key] is JsonObject { Count: 0 })))
                {
                    shared[key] = common;
                }
            }

            return shared;
        }

        return nodes.Skip(1).All(n => JsonNode.DeepEquals(n, nodes[0])) ? nodes[0].DeepClone() : null;
    }

    /// <summary>What <paramref name="spec"/> has beyond <paramref name="template"/>, such that merging it over the template gives the spec.</summary>
    private static JsonObject Difference(JsonObject spec, JsonObject template)
    {
        var difference = new JsonObject();
        foreach (var (key, value) in spec)
        {
            if (!template.TryGetPropertyValue(key, out var shared))
            {
                difference[key] = value?.DeepClone();
            }
            else if (value is JsonObject inner && shared is JsonObject sharedInner)
            {
                if (Difference(inner, sharedInner) is { Count: > 0 } innerDifference)
                {
                    difference[key] = innerDifference;
                }
            }
            else if (!JsonNode.DeepEquals(value, shared))
            {
                difference[key] = value?.DeepClone();
            }
        }

        return difference;
    }
}
