using System.CommandLine;

namespace Reconciler.Cli.Commands;

/// <summary>
/// An option whose values are an enum's members written in lowercase (<c>text json markdown github</c>), in help,
/// in errors and on the command line (any letter case accepted), never as the C# names (<c>GitHub Json</c>).
/// </summary>
internal static class EnumOption
{
    /// <summary>Not given, the option is the enum's first member (its default value), which the description should name.</summary>
    public static Option<T> Create<T>(string name, string description)
        where T : struct, Enum
    {
        var words = Words<T>();
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = string.Join('|', words),
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
                if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !text.Any(char.IsDigit))
                {
                    return value;
                }

                result.AddError($"'{text}' is not a value of {name}: use {string.Join(", ", words)}");
                return default;
            },
        };
        option.CompletionSources.Add([.. words]);
        return option;
    }

    public static IReadOnlyList<string> Words<T>()
        where T : struct, Enum => Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToList();
}
