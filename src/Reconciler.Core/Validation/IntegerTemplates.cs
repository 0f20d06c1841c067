namespace Reconciler.Core.Validation;

/// <summary>
/// <see cref="IntegerPositions"/> as a tree of pointer-template segments, so a document can be walked along
/// the templates alone: a subtree where no template leads is never visited, and no pointer is built for a value
/// that has nothing to report. A segment is as templates write it (escaped, <c>#</c> for list items).
/// </summary>
internal sealed class IntegerTemplates
{
    private readonly Dictionary<string, IntegerTemplates> _children = new(StringComparer.Ordinal);

    /// <summary>A number here must be a plain 64-bit integer.</summary>
    public bool Integer { get; private set; }

    /// <summary>A string of digits here stands for an integer id.</summary>
    public bool DigitString { get; private set; }

    public static IntegerTemplates Build(IntegerPositions positions)
    {
        var root = new IntegerTemplates();
        foreach (var template in positions.Integers)
        {
            root.Add(template).Integer = true;
        }

        foreach (var template in positions.DigitStrings)
        {
            root.Add(template).DigitString = true;
        }

        return root;
    }

    /// <summary>The node for one more segment (escaped as templates write it), or null when no template goes on that way.</summary>
    public IntegerTemplates? Child(string segment) => _children.GetValueOrDefault(segment);

    /// <summary>The node for an object's property; the name is escaped (RFC 6901) only in the rare case it needs it.</summary>
    public IntegerTemplates? Child(System.Text.Json.JsonProperty property)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.IndexOfAny((byte)'~', (byte)'/') < 0)
        {
            return Fast.JsonInstance.TryGetByName(_children.GetAlternateLookup<ReadOnlySpan<char>>(), property, out var plain) ? plain : null;
        }

        var key = property.Name;
        return Child(key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal));
    }

    private IntegerTemplates Add(string template)
    {
        var node = this;
        foreach (var segment in template.Split('/').Skip(1))
        {
            if (!node._children.TryGetValue(segment, out var child))
            {
                child = new IntegerTemplates();
                node._children.Add(segment, child);
            }

            node = child;
        }

        return node;
    }
}
