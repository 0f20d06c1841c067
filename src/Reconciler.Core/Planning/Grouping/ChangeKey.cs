using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Reconciler.Core.Planning.Grouping;

/// <summary>
/// What makes two entries' changes identical, as a digest (thousands of entries keep 64 characters each, not a
/// copy of their changes). Two entries share a key when they have the same action, reason, flavour, deferral,
/// live state, stop permission and uncompared fields (so every format's notes read the same for each), warnings (code, message and JSON path; not the place) and field changes — for an adoption that is not compared
/// with the live task, the same body apart from <c>name</c> (the identity is not in the body).
/// </summary>
internal static class ChangeKey
{
    public const string NamePath = "/name";

    /// <summary>The key, or null for an entry that is never grouped (nothing to send).</summary>
    public static string? Of(PlanEntry entry)
    {
        if (entry.Desired is null || !entry.Action.SendsPut() || (entry.Action == PlanAction.Update && entry.Changes.Count == 0))
        {
            return null;
        }

        var text = new StringBuilder()
            .Append(entry.Action.ToWord()).Append('\n')
            .Append(entry.Reason?.ToString()).Append('\n')
            .Append(entry.Desired.Flavour).Append('\n')
            .Append(entry.Deferral).Append('\n')
            .Append(entry.Remote).Append('\n')
            .Append(entry.WillStopTask).Append('\n')
            .AppendJoin(',', entry.NotCompared).Append('\n')
            .Append(entry.InDoubt?.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');

        foreach (var warning in entry.Warnings)
        {
            text.Append("warning\t").Append(warning.Code).Append('\t').Append(warning.Message).Append('\t').Append(warning.JsonPath).Append('\n');
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (entry.Action == PlanAction.Adopt && !entry.Refreshed)
        {
            AppendBodyWithoutName(hash, entry.Desired.Body.Utf8);
        }
        else
        {
            AppendChanges(text, entry.Changes);
        }

        hash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The canonical body's bytes without its top-level <c>name</c> member: found with a reader rather than parsed into
    /// a tree, because a first plan of a large repository adopts every task (a tree each doubled the time of a plan).
    /// Canonical bodies have sorted keys, so equal bodies apart from the name leave equal bytes.
    /// </summary>
    private static void AppendBodyWithoutName(IncrementalHash hash, ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("name"u8))
            {
                var start = (int)reader.TokenStartIndex;
                reader.Read();
                reader.Skip();
                var end = (int)reader.BytesConsumed;
                hash.AppendData(body[..start]);
                hash.AppendData(body[end..]);
                return;
            }

            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
            {
                reader.Read();
                reader.Skip();
            }
        }

        hash.AppendData(body);
    }

    private static void AppendChanges(StringBuilder text, IReadOnlyList<FieldChange> changes)
    {
        foreach (var change in changes)
        {
            text.Append("change\t").Append(change.Path).Append('\t').Append(change.Before ?? "(absent)").Append('\t').Append(change.After ?? "(absent)").Append('\n');
            if (change.Elements.Count > 0)
            {
                text.Append("elements\n");
                AppendChanges(text, change.Elements);
                text.Append("end\n");
            }
        }
    }
}
