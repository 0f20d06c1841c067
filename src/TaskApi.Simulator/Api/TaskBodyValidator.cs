using System.Text.Json;

namespace TaskApi.Simulator.Api;

/// <summary>
/// The update body rules of the platform's document: every documented field's type and bounds (<see cref="DocumentFields"/>),
/// then the rules across fields, then the residue the platform holds per line. Returns the first problem as the platform
/// would (a Chinese message naming the field), or null when the body is acceptable.
/// </summary>
internal static class TaskBodyValidator
{
    /// <param name="residueOf">The platform-held residue of a line id, or null when the line has none.</param>
    public static string? Validate(JsonElement root, TaskFlavour flavour, Func<string, long?>? residueOf = null)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "请求体必须是JSON对象";
        }

        return DocumentFields.Body(flavour).Check(root, "")
            ?? CrossFieldRules.Check(root)
            ?? LineResidueRule.Check(root, flavour, residueOf ?? (_ => null));
    }
}
