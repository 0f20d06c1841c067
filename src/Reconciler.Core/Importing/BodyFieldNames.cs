using System.Text.Json;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Importing;

/// <summary>
/// The PUT body's field names of one flavour, read from the body schemas this assembly ships (so they cannot drift
/// from what validation accepts): the top-level properties and those of <c>task_extras</c>, in the schema's order,
/// without the ones the schema names only to refuse them in this flavour (<c>newV2Only</c> / <c>legacyOnly</c>).
/// </summary>
internal sealed class BodyFieldNames
{
    private static readonly Lazy<BodyFieldNames> V2 = new(() => Load(SchemaCatalog.V2BodySchemaFile));
    private static readonly Lazy<BodyFieldNames> V2Legacy = new(() => Load(SchemaCatalog.V2LegacyBodySchemaFile));

    private BodyFieldNames(IReadOnlyList<string> topLevel, IReadOnlyList<string> taskExtras)
    {
        TopLevel = topLevel;
        TaskExtras = taskExtras;
    }

    /// <summary>Top-level body fields (with <c>task_extras</c> and <c>sub_user_id</c>), in the schema's order.</summary>
    public IReadOnlyList<string> TopLevel { get; }

    /// <summary>Fields of <c>task_extras</c>, in the schema's order.</summary>
    public IReadOnlyList<string> TaskExtras { get; }

    public static BodyFieldNames Of(ApiFlavour flavour) => flavour switch
    {
        ApiFlavour.V2 => V2.Value,
        ApiFlavour.V2Legacy => V2Legacy.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(flavour), flavour, null),
    };

    private static BodyFieldNames Load(string file)
    {
        using var schema = JsonDocument.Parse(SchemaCatalog.ReadSchemaText(file));
        var root = schema.RootElement;
        var extras = root.GetProperty("$defs").GetProperty("taskExtras");
        return new BodyFieldNames(Accepted(root), Accepted(extras));
    }

    private static List<string> Accepted(JsonElement schema) =>
        schema.GetProperty("properties").EnumerateObject()
            .Where(p => !(p.Value.TryGetProperty("$ref", out var reference) && reference.GetString() is "#/$defs/newV2Only" or "#/$defs/legacyOnly"))
            .Select(p => p.Name)
            .ToList();
}
