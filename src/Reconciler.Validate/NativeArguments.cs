namespace Reconciler.Validate;

/// <summary>
/// The command line of the native executables (<c>reconciler-validate</c>, <c>reconciler-plan</c>), read by hand:
/// System.CommandLine's start-up is part of what they exist to avoid. Spelled as the CLI spells it: <c>--name value</c>,
/// <c>--name=value</c> or <c>--name:value</c>, repeatable options given again, a switch optionally followed by
/// <c>true</c> or <c>false</c>, at most one PATH.
/// </summary>
/// <param name="Values">Each value option given, with its values in order.</param>
/// <param name="Switches">The switches that are on (<c>--help</c> for <c>-h</c> and <c>-?</c> too).</param>
internal sealed record NativeArguments(string? Path, IReadOnlyDictionary<string, IReadOnlyList<string>> Values, IReadOnlySet<string> Switches)
{
    public const string Help = "--help";
    public const string Version = "--version";

    public bool Has(string name) => Switches.Contains(name);

    public IReadOnlyList<string> All(string name) => Values.TryGetValue(name, out var values) ? values : [];

    public string? Last(string name) => All(name) is [.., var last] ? last : null;

    /// <param name="single">The value options taken once; the others repeat.</param>
    /// <param name="repeated">The value options that may be given more than once.</param>
    /// <param name="switches">The switches besides help and version.</param>
    /// <param name="refused">Says why an option of the full CLI is not read here (null for one it does not know).</param>
    /// <returns>The arguments, or the problem with them (worded like the CLI's parse errors).</returns>
    public static (NativeArguments? Arguments, string? Problem) Parse(
        IReadOnlyList<string> args, IReadOnlyCollection<string> single, IReadOnlyCollection<string> repeated, IReadOnlyCollection<string> switches, Func<string, string?> refused)
    {
        string? path = null;
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var on = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var (name, inline) = arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOfAny(['=', ':']) is var at and > 2
                ? (arg[..at], arg[(at + 1)..])
                : (arg, null);
            if (name is "-h" or "-?" or Help or Version || switches.Contains(name))
            {
                on.Add(name is "-h" or "-?" ? Help : name);
                if (inline is null && i + 1 < args.Count && bool.TryParse(args[i + 1], out var given))
                {
                    // `--detailed-exitcode false`, as System.CommandLine reads a switch followed by a boolean.
                    i++;
                    if (!given)
                    {
                        on.Remove(name);
                    }
                }
                else if (inline is not null && bool.TryParse(inline, out var written) && !written)
                {
                    on.Remove(name);
                }

                continue;
            }

            if (single.Contains(name) || repeated.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
                if (value is null)
                {
                    return (null, $"Required argument missing for option: '{name}'.");
                }

                if (!values.TryGetValue(name, out var list))
                {
                    values[name] = list = [];
                }
                else if (single.Contains(name))
                {
                    return (null, $"Option '{name}' expects a single argument but 2 were provided.");
                }

                list.Add(value);
                continue;
            }

            if (refused(name) is { } why)
            {
                return (null, why);
            }

            if ((name.StartsWith('-') && name.Length > 1) || path is not null)
            {
                return (null, $"Unrecognized command or argument '{arg}'.");
            }

            path = arg;
        }

        return (new NativeArguments(path, values.ToDictionary(v => v.Key, v => (IReadOnlyList<string>)v.Value, StringComparer.Ordinal), on), null);
    }
}
