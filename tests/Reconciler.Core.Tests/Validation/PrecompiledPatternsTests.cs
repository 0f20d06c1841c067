using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Reconciler.Core.Validation.Patterns;
using Xunit;

namespace Reconciler.Core.Tests.Validation;

/// <summary>
/// The regexes generated ahead of time for our schemas' patterns are exactly what <see cref="EcmaPattern"/> would build at
/// run time: every pattern of schemas/*.json has one, no other, each is its pattern's translation with the same options,
/// and on thousands of strings (surrogates, line ends, non-ASCII digits and spaces) each matches as the interpreted one.
/// </summary>
public sealed class PrecompiledPatternsTests
{
    [Fact]
    public void ByPattern_HoldsEveryPatternOfTheSchemasAndNoOther()
    {
        var patterns = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Reconciler.Testing.RepositoryRoot.Path, "schemas"), "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            Collect(document.RootElement, patterns);
        }

        Assert.NotEmpty(patterns);
        Assert.Equal(patterns, new SortedSet<string>(PrecompiledPatterns.ByPattern.Keys, StringComparer.Ordinal));
    }

    [Fact]
    public void ByPattern_EachIsItsPatternsTranslation()
    {
        foreach (var (pattern, regex) in PrecompiledPatterns.ByPattern)
        {
            Assert.Equal(EcmaPattern.Translate(pattern), regex.ToString());
            Assert.Equal(RegexOptions.CultureInvariant, regex.Options);
            Assert.Same(regex, EcmaPattern.Create(pattern));
        }
    }

    [Fact]
    public void ByPattern_MatchesAsTheInterpretedRegex()
    {
        var random = new Random(20261207);
        string[] pieces =
        [
            "0", "1", "2", "3", "9", "12", "23", "24", "59", "60", "2026", ":", "-", "/", ".", "_", "~", "@", " ", "a", "Z", "csv", "CSV", ".csv",
            "\n", "\r", "\t", "\u0085", "\u00A0", "\u3000", "\u0663", "\u00E9", "\u0000", "\u001F", "\u007F", "\u009F", "\uD83D\uDE00", "\uD83D", "\uDE00", "任务",
        ];
        string[] examples = ["12:30", "23:59:59", "2026-12-07 10:30", "2026/1/7 9:05:00", "123", "tasks.csv", "a/b.CSV", "acme/call-tasks", "@acme/x", "set-1", "..", ".", "ok"];
        foreach (var (pattern, precompiled) in PrecompiledPatterns.ByPattern)
        {
            var interpreted = new Regex(EcmaPattern.Translate(pattern), RegexOptions.CultureInvariant);
            var texts = examples.Concat(Enumerable.Range(0, 2000).Select(_ => Text(random, pieces))).ToList();
            foreach (var text in texts)
            {
                Assert.True(interpreted.IsMatch(text) == precompiled.IsMatch(text), $"pattern {pattern} on {JsonSerializer.Serialize(text)}");
            }

            Assert.Contains(texts, precompiled.IsMatch);
        }
    }

    private static string Text(Random random, string[] pieces)
    {
        var text = new StringBuilder();
        for (var i = random.Next(0, 8); i > 0; i--)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString();
    }

    private static void Collect(JsonElement element, ISet<string> patterns)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "pattern" && property.Value.ValueKind == JsonValueKind.String)
                {
                    patterns.Add(property.Value.GetString()!);
                }

                Collect(property.Value, patterns);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, patterns);
            }
        }
    }
}
