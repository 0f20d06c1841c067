using System.Text;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Tests.TaskSets;

/// <summary>A desired state as text for golden files: every task with where it is, its set and its canonical body; every invalid entry with its diagnostics.</summary>
internal static class ExpansionText
{
    public static string Render(DesiredState desired)
    {
        var text = new StringBuilder();
        foreach (var task in desired.Tasks)
        {
            text.Append($"task {task.Identity} at {task.Location} (identity at {task.IdentityLocation})\n");
            text.Append($"  set {task.Set?.Name ?? "-"}, file {task.File}, {task.Flavour}, suspend {task.Suspend}, stop_before_update {task.StopBeforeUpdate}, sub_user_id {task.SubUserId ?? "-"}\n");
            text.Append($"  body {task.Body.Json}\n");
            foreach (var warning in task.Warnings)
            {
                text.Append($"  {warning}\n");
            }
        }

        foreach (var invalid in desired.Invalid)
        {
            text.Append($"invalid {invalid.Identity?.ToString() ?? "(no identity)"} at {invalid.Location}, set {invalid.Set?.Name ?? "-"}, file {invalid.File}\n");
            foreach (var diagnostic in invalid.Diagnostics)
            {
                text.Append($"  {diagnostic}\n");
            }
        }

        return text.ToString();
    }
}
