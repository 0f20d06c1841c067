using System.Buffers;
using System.Text.Json;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Loading;
using Reconciler.Core.Validation;
using Reconciler.Core.Validation.Rules;

namespace Reconciler.Core.TaskSets;

/// <summary>
/// The template's own values, checked once for the whole set by the rule that reads every value alone: an integer
/// written as plain digits within 64 bits (<see cref="IntegerRule"/>). The schema checks the rest of the template
/// (<c>taskset.schema.json</c>, as a partial body); rules that relate several fields wait for each item's merge.
/// </summary>
internal static class TemplateCheck
{
    private static readonly IntegerRule Integers64 = new();

    public static IEnumerable<Diagnostic> Integers(TaskSetDocument set)
    {
        if (set.Template is not { ValueKind: JsonValueKind.Object } template || set.ApiVersion is not { } apiVersion)
        {
            return [];
        }

        // The template as the spec of a task, so the rule walks it along the schema's integer places.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, MergedManifest.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("apiVersion");
            apiVersion.WriteTo(writer);
            writer.WritePropertyName("spec");
            template.WriteTo(writer);
            writer.WriteEndObject();
        }

        var probe = new LoadedDocument(0, set.Location, buffer.WrittenSpan.ToArray(), new SourceMap(set.File, new TemplateLocator(set)));
        return Integers64.Check(new ManifestDocument(probe))
            .Select(d => d.JsonPath is { } path && path.StartsWith("/spec", StringComparison.Ordinal) ? d with { JsonPath = "/spec/template" + path["/spec".Length..] } : d)
            .ToList();
    }

    private sealed class TemplateLocator(TaskSetDocument set) : ISourceLocator
    {
        public SourceLocation Locate(string pointer) => set.Locate(InSet(pointer));

        public SourceLocation LocateKey(string pointer) => set.LocateKey(InSet(pointer));

        private static string InSet(string pointer) =>
            pointer.StartsWith("/spec", StringComparison.Ordinal) ? "/spec/template" + pointer["/spec".Length..] : pointer;
    }
}
