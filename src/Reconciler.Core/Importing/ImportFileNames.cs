using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Reconciler.Core.Importing;

/// <summary>
/// The file name an imported task gets, from its id alone (ids are what the platform keeps unique; names change on the
/// console). The encoding is reversible, so distinct ids never share a name: letters, digits and <c>-</c> stay, every
/// other UTF-8 byte becomes <c>_XX</c> (<c>a.b</c> → <c>a_2Eb</c>, <c>a_b</c> → <c>a_5Fb</c>). A name that would be too
/// long for a file system keeps a readable start and ends with <c>~</c> and a hash of the whole id (<c>~</c> never
/// occurs otherwise). <see cref="Assign"/> also refuses ids whose names differ only in letter case, which a
/// case-insensitive file system (a clone on macOS or Windows) would make one file.
/// </summary>
public static class ImportFileNames
{
    public const string Extension = ".yaml";

    /// <summary>Longest name written, in bytes (file systems allow 255; ours leaves room for editors' backup suffixes).</summary>
    public const int MaxNameBytes = 200;

    private const int KeptPrefix = 100;

    public static string For(string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        var encoded = new StringBuilder(taskId.Length);
        foreach (var b in Encoding.UTF8.GetBytes(taskId))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append(CultureInfo.InvariantCulture, $"_{b:X2}");
            }
        }

        if (encoded.Length == 0 || encoded.Length + Extension.Length > MaxNameBytes)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(taskId)))[..16];
            return encoded.ToString(0, Math.Min(KeptPrefix, encoded.Length)) + "~" + hash + Extension;
        }

        return encoded + Extension;
    }

    /// <summary>
    /// A file name for each id, in order; an id whose name another id already has (ignoring letter case) gets none
    /// and is reported with that other id.
    /// </summary>
    public static (IReadOnlyDictionary<string, string> Names, IReadOnlyList<(string TaskId, string Other)> Refused) Assign(IEnumerable<string> taskIds)
    {
        ArgumentNullException.ThrowIfNull(taskIds);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var refused = new List<(string, string)>();
        foreach (var id in taskIds)
        {
            var name = For(id);
            if (owners.TryGetValue(name, out var other))
            {
                refused.Add((id, other));
                continue;
            }

            owners[name] = id;
            names[id] = name;
        }

        return (names, refused);
    }
}
