using System.Text.Json;
using static TaskApi.Simulator.Api.JsonFields;

namespace TaskApi.Simulator.Api;

/// <summary>
/// "平均并发数不得超过选用线路的 residue 值": the average concurrency per chosen line (maximumcall / lines) may not
/// exceed the line's <c>residue</c>, a value the platform holds for each line. The simulator keeps a residue per
/// line id (<see cref="SimulatorState.Lines"/>); a line without one is not limited.
/// </summary>
internal static class LineResidueRule
{
    public static string? Check(JsonElement root, TaskFlavour flavour, Func<string, long?> residueOf)
    {
        if (!TryGet(root, "task_extras", out var extras) || !TryGet(extras, "line", out var lines) || lines.ValueKind != JsonValueKind.Array
            || lines.GetArrayLength() == 0 || !TryGetInteger(root.GetProperty("maximumcall"), out var total))
        {
            return null;
        }

        var average = total / lines.GetArrayLength();
        foreach (var line in lines.EnumerateArray())
        {
            var id = flavour == TaskFlavour.V2 ? GetString(line, "id") : line.ValueKind == JsonValueKind.String ? line.GetString() : null;
            if (id is not null && residueOf(id) is { } residue && average > residue)
            {
                return $"平均并发数({average})不得超过选用线路 {id} 的 residue 值({residue})";
            }
        }

        return null;
    }
}
