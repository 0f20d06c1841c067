namespace Reconciler.Service.Configuration;

/// <summary>
/// One setting of <c>reconciler run</c>, settable three ways with one name: the command-line flag, the key
/// <c>Reconciler:&lt;Key&gt;</c> of the configuration file, and the environment variable
/// <c>RECONCILER_&lt;KEY_IN_SNAKE_CASE&gt;</c>. The table of these drives the options, the help and the docs.
/// </summary>
/// <param name="Key">The configuration key under the <c>Reconciler</c> section, e.g. <c>Interval</c>.</param>
/// <param name="Default">The default as a person reads it (documentation and help only).</param>
/// <param name="Repeatable">The flag may be given several times; the variable holds several values separated by spaces or commas; the config key is a string or an array.</param>
/// <param name="Switch">True or false: the flag alone means true (<c>--self-heal</c>), and takes a value too (<c>--self-heal=false</c>,
/// <c>--self-heal false</c>), as every boolean option of every command does.</param>
public sealed record ServiceSetting(string Key, string Default, string Description, bool Repeatable = false, bool Switch = false)
{
    public const string Section = "Reconciler";
    public const string EnvironmentPrefix = "RECONCILER_";

    /// <summary><c>--interval</c>, <c>--api-url</c>, <c>--github-repo</c>: the key in kebab case.</summary>
    public string Flag => "--" + Words('-').ToLowerInvariant();

    /// <summary><c>RECONCILER_INTERVAL</c>, <c>RECONCILER_API_URL</c>: the key in upper snake case.</summary>
    public string EnvironmentVariable => EnvironmentPrefix + Words('_').ToUpperInvariant();

    public string ConfigurationKey => Section + ":" + Key;

    // "GitHubApiUrl" → "git-hub-api-url" would be wrong: runs of capitals stay one word ("GitHub" is special-cased).
    private string Words(char separator)
    {
        var text = Key.Replace("GitHub", "Github", StringComparison.Ordinal);
        var builder = new System.Text.StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsUpper(text[i]) && !char.IsUpper(text[i - 1]))
            {
                builder.Append(separator);
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }
}
