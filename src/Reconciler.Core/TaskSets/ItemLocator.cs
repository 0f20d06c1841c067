using System.Text.Json;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Loading;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// Where a value of an item's merged manifest came from, and so where a problem with it is reported: a value the
/// item wrote is located where the item wrote it (its YAML, or its CSV cell); a value it inherited (the template,
/// the set's metadata) is located at the item itself, and <see cref="Inherited"/> names the set's line, so each
/// item's diagnostic points at that item and still says where to look.
/// </summary>
internal sealed class ItemLocator(TaskSetDocument set, SetItem item) : ISourceLocator
{
    public SourceLocation Locate(string pointer) => Resolve(pointer, key: false);

    public SourceLocation LocateKey(string pointer) => Resolve(pointer, key: true);

    /// <summary>For a value the item inherited from its set: what in the set (the template, its metadata) and where; else null.</summary>
    public (string What, SourceLocation Where)? Inherited(string pointer)
    {
        var origin = Find(pointer);
        if (origin.FromItem)
        {
            return null;
        }

        var what = origin.Pointer.StartsWith("/spec/template", StringComparison.Ordinal) ? "the template" : "the set's metadata";
        return (what, set.Locate(origin.Pointer));
    }

    private SourceLocation Resolve(string pointer, bool key)
    {
        var origin = Find(pointer);
        if (!origin.FromItem)
        {
            return item.Start;
        }

        return key ? item.Positions.LocateKey(origin.Pointer) : item.Positions.Locate(origin.Pointer);
    }

    /// <summary>Maps a pointer into the merged manifest to the item's pointer or the set's, by what each holds.</summary>
    private Origin Find(string pointer)
    {
        var rest = pointer.AsSpan();
        if (!PointerSegments.Next(ref rest, out var first))
        {
            return new Origin(true, "");
        }

        switch (first)
        {
            case "apiVersion" or "kind":
                return new Origin(false, "/" + first.ToString());
            case "spec":
                return Choose("/spec", "/spec/template", rest.ToString());
            case "metadata" when PointerSegments.Next(ref rest, out var field):
                var name = field.ToString();
                if (name == "task_id")
                {
                    return new Origin(true, "/task_id" + rest.ToString());
                }

                return MergedManifest.InheritedMetadata.Contains(name) || MergedManifest.MergedMetadata.Contains(name)
                    ? Choose("/" + name, "/metadata/" + name, rest.ToString())
                    : new Origin(true, "");
            default:
                return new Origin(true, "");
        }
    }

    private Origin Choose(string itemPrefix, string setPrefix, string tail)
    {
        var (ownMatched, replaced) = Matched(item.Json, itemPrefix + tail);
        var ownDepth = ownMatched - Count(itemPrefix);

        // The item holds the value, or replaced a list or value on the way to it: the template's is not in the merge.
        if (ownDepth >= Count(tail) || (replaced && ownDepth >= 0))
        {
            return new Origin(true, itemPrefix + tail);
        }

        var inheritedDepth = Matched(set.Root, setPrefix + tail).Count - Count(setPrefix);
        return inheritedDepth > ownDepth ? new Origin(false, setPrefix + tail) : new Origin(true, itemPrefix + tail);
    }

    /// <summary>
    /// How many segments of <paramref name="pointer"/> exist in <paramref name="root"/>, from the start, and whether the
    /// walk stopped at something other than an object (a list or a value, which a merge replaces whole).
    /// </summary>
    private static (int Count, bool StoppedAtNonObject) Matched(JsonElement root, string pointer)
    {
        var rest = pointer.AsSpan();
        var node = root;
        var matched = 0;
        while (PointerSegments.Next(ref rest, out var segment))
        {
            if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(PointerSegments.Unescape(segment), out var child))
            {
                node = child;
            }
            else if (node.ValueKind == JsonValueKind.Array && PointerSegments.Index(segment) is { } index && index < node.GetArrayLength())
            {
                node = node[index];
            }
            else
            {
                return (matched, node.ValueKind != JsonValueKind.Object);
            }

            matched++;
        }

        return (matched, false);
    }

    private static int Count(string pointer) => pointer.AsSpan().Count('/');

    private readonly record struct Origin(bool FromItem, string Pointer);
}
