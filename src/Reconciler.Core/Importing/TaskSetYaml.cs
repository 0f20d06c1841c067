using System.Text;
using Reconciler.Core.Manifests;

namespace Reconciler.Core.Importing;

/// <summary>
/// Writes a factored set (<c>import --as-taskset</c>) as a TaskSet manifest people will edit, in the same style as an
/// imported task (<see cref="ManifestYaml"/>): the shared fields as the template, then the items inline, or
/// <c>itemsFrom</c> naming the CSV written beside it.
/// </summary>
public static class TaskSetYaml
{
    /// <param name="schemaPath">The set schema, relative to the written file (for the editor comment).</param>
    /// <param name="itemsFrom">The CSV file's name beside the manifest, or null when there is none.</param>
    /// <param name="inline">The items written in the manifest (the others are the CSV's rows).</param>
    public static string Write(FactoredSet set, string name, string schemaPath, string source, string? itemsFrom, IReadOnlyList<FactoredItem> inline)
    {
        ArgumentNullException.ThrowIfNull(inline);
        ArgumentNullException.ThrowIfNull(set);
        var yaml = new StringBuilder();
        yaml.Append("# yaml-language-server: $schema=").Append(schemaPath).Append('\n');
        yaml.Append("# Imported by `reconciler import --as-taskset` from ").Append(source).Append('\n');
        yaml.Append("# The template holds what all ").Append(set.Items.Count).Append(" tasks share; each item (")
            .Append(itemsFrom is null ? "below" : inline.Count == 0 ? "a row of " + itemsFrom : "a row of " + itemsFrom + ", or below")
            .Append(") what differs (docs/tasksets.md).\n");
        yaml.Append("apiVersion: ").Append(set.Flavour.ToApiVersion()).Append('\n');
        yaml.Append("kind: TaskSet\nmetadata:\n");
        yaml.Append("  name: ").Append(YamlText.Quote(name)).Append('\n');
        yaml.Append("  user_id: ").Append(YamlText.Quote(set.UserId)).Append('\n');
        if (set.SubUserId is { } subUser)
        {
            yaml.Append("  sub_user_id: ").Append(YamlText.Quote(subUser)).Append('\n');
        }

        yaml.Append("spec:\n");
        yaml.Append(set.Template.Count == 0 ? "  template: {}\n" : "  template:\n");
        ManifestYaml.WriteObject(yaml, set.Template, 2);
        if (itemsFrom is not null)
        {
            yaml.Append("  itemsFrom: ").Append(YamlText.Quote(itemsFrom)).Append('\n');
        }

        if (inline.Count == 0)
        {
            return yaml.ToString();
        }

        yaml.Append("  items:\n");
        foreach (var item in inline)
        {
            yaml.Append("    - task_id: ").Append(YamlText.Quote(item.Identity.TaskId)).Append('\n');
            if (item.SubUserId is { } own)
            {
                yaml.Append("      sub_user_id: ").Append(YamlText.Quote(own)).Append('\n');
            }

            if (item.Spec.Count > 0)
            {
                yaml.Append("      spec:\n");
                ManifestYaml.WriteObject(yaml, item.Spec, 4);
            }
        }

        return yaml.ToString();
    }
}
