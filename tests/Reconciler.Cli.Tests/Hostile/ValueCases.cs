using System.Text;
using static Reconciler.Cli.Tests.Hostile.HostileRepo;

namespace Reconciler.Cli.Tests.Hostile;

/// <summary>Values the platform would refuse or misread, identities that collide, text that would take over a terminal, and secrets.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class ValueCases
{
    private const string Token = "tok-HOSTILE+5ecret/d1stinct1ve=7a1c";

    public static IEnumerable<HostileCase> All()
    {
        foreach (var (field, value, expected) in new[]
        {
            ("maximumcall", "4.0", "plain digits, 4"),
            ("maximumcall", "1e1", "plain digits, 10"),
            ("maximumcall", "4e0", "plain digits, 4"),
            ("maximumcall", "1" + new string('0', 400), "outside the 64-bit integer range"),
            ("destination_extension", "1e400", "outside the 64-bit integer range"),
            ("dial_time_id", "-1.5", "must be an integer (plain digits), not -1.5"),
            ("is_group_switch", "2.0", "plain digits, 2"),
        })
        {
            var spec = field == "maximumcall" ? $"\n  maximumcall: {value}" : $"\n  maximumcall: 2\n  {field}: {value}";
            var yaml = Manifest("num", spec: spec).Replace($"  {field}: 123\n", field == "maximumcall" ? $"  {field}: 123\n" : "", StringComparison.Ordinal);
            yield return new($"{field}: {(value.Length > 10 ? value[..6] + "…" : value)}", r => r.Write("tasks/number.yaml", yaml), 1, $"repo/tasks/number.yaml") { Also = Contains(expected) };
        }

        yield return new("line limit 2.0", r => r.Write("tasks/limit.yaml", Valid("limit", extras: "\n    line: [{id: a, limit: 2.0}]")), 1, "repo/tasks/limit.yaml") { Also = Contains("(/spec/task_extras/line/0/limit)") };
        yield return new("task_id 1e3", r => r.Write("tasks/exp-id.yaml", Valid("1e3")), 1, "repo/tasks/exp-id.yaml") { Also = Contains("(/metadata/task_id)") };
        yield return new("id beyond 2^53 round-trips", r => r.Write("tasks/big.yaml", Valid("big", name: "大号", spec: "\n  background_id: 215870475195883520")), 0, "+ adopt     大号 (big)  repo/tasks/big.yaml") { Also = Contains("+ background_id: 215870475195883520") };

        yield return new("two files claim one task", r => { r.Write("tasks/one.yaml", Valid("twin")); r.Write("tasks/two.yaml", Valid("twin")); }, 1, "repo/tasks/two.yaml:5:12");
        yield return new("ids differing only in letter case", r => { r.Write("tasks/lower.yaml", Valid("abc-def")); r.Write("tasks/upper.yaml", Valid("ABC-DEF")); }, 1, "repo/tasks/upper.yaml") { Also = Contains("differs only in letter case or leading zeros") };
        yield return new("ids differing only in leading zeros", r => { r.Write("tasks/zeros.yaml", Valid("\"010\"")); r.Write("tasks/plain.yaml", Valid("10")); }, 1, "repo/tasks/zeros.yaml") { Also = Contains("may be one task") };
        yield return new("2,000 files claim one task", r => { for (var i = 0; i < 2000; i++) { r.Write($"tasks/same/{i:D4}.yaml", Valid("same")); } }, 1, "repo/tasks/same/0000.yaml")
        {
            Args = ["validate", "repo"],
            ValidPlanned = "1 valid task manifest(s)",
            Also = result => Assert.True(result.Error.Length < 1_000_000, $"stderr is {result.Error.Length:N0} characters"),
        };
        yield return new("task_id '..'", r => r.Write("tasks/dots.yaml", Valid("\"..\"")), 1, "repo/tasks/dots.yaml");
        yield return new("task_id with a slash", r => r.Write("tasks/slash.yaml", Valid("\"a/b\"")), 1, "repo/tasks/slash.yaml");

        yield return new("escape sequence in a task name (text)", r => r.Write("tasks/esc.yaml", Valid("esc", name: "\"clear\\e[2J\\e]0;title\\a\"")), 0, "clear\\x1B[2J\\x1B]0;title\\x07 (esc)") { Also = FileSystemCases.AssertNoRawControls };
        yield return new("carriage return in a task name (text)", r => r.Write("tasks/cr.yaml", Valid("cr", name: "\"fake\\rok\"")), 0, "fake\\rok (cr)") { Also = FileSystemCases.AssertNoRawControls };
        yield return new("right-to-left override in a task name (text)", r => r.Write("tasks/rtl.yaml", Valid("rtl", name: "\"abc\\u202Efed\"")), 0, "abc\\u202Efed (rtl)") { Also = FileSystemCases.AssertNoRawControls };
        yield return new("bell in a value (text)", r => r.Write("tasks/bell.yaml", Valid("bell", spec: "\n  remark: \"ding\\a\"")), 0, "+ remark: \"ding\\u0007\"") { Also = FileSystemCases.AssertNoRawControls };
        yield return new("escape sequence in an unknown key", r => r.Write("tasks/key.yaml", Valid("key", spec: "\n  \"x\\e[31m\": 1")), 1, "unknown field 'x\\x1B[31m'") { Also = FileSystemCases.AssertNoRawControls };
        yield return new("control characters in markdown", r => r.Write("tasks/md.yaml", Valid("md", name: "\"md\\e[2J\\u202E\"")), 0, "md\\x1B&#91;2J\\u202E (md)") // as the diff summary shows it: escapes visible, the bracket an entity (no markdown link)
        {
            Args = ["plan", "repo", "--state", "state.db", "--format", "markdown"],
            ValidPlanned = @"| + | 有效任务 \(hostile-valid\) |",
            Also = FileSystemCases.AssertNoRawControls,
        };
        yield return new("control characters in json", r => r.Write("tasks/json.yaml", Valid("json", name: "\"js\\e[2J\\u202E\"")), 0, "\"name\": \"js\\u001B[2J\\u202E\"")
        {
            Args = ["plan", "repo", "--state", "state.db", "--format", "json"],
            ValidPlanned = "\"task_id\": \"hostile-valid\"",
            Also = FileSystemCases.AssertNoRawControls,
        };
        yield return new("newline in a file name (GitHub annotations)", r => r.Write("tasks/a\nb.yaml", "kind: [\n"), 1, "::error file=repo/tasks/a\\nb.yaml,line=")
        {
            Environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" },
            Also = FileSystemCases.AssertNoRawControls,
        };

        yield return new("configured token pasted into a manifest", r => r.Write("tasks/token.yaml", Valid("token", spec: $"\n  remark: \"{Token}\"")), 0, "repo/tasks/token.yaml:11:11: warning: this value holds a configured API or GitHub token")
        {
            Environment = new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = Token },
            Also = NeverShows(Token),
        };
        yield return new("URL-encoded token in a manifest", r => r.Write("tasks/token-url.yaml", Valid("token-url", spec: $"\n  remark: \"{Uri.EscapeDataString(Token)}\"")), 0, "repo/tasks/token-url.yaml:11:11: warning")
        {
            Environment = new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = Token },
            Also = NeverShows(Uri.EscapeDataString(Token)),
        };
        yield return new("base64 token in a manifest", r => r.Write("tasks/token-b64.yaml", Valid("token-b64", spec: $"\n  remark: \"{Convert.ToBase64String(Encoding.UTF8.GetBytes(Token))}\"")), 0, "repo/tasks/token-b64.yaml:11:11: warning")
        {
            Environment = new Dictionary<string, string> { ["RECONCILER_API_TOKEN"] = Token },
            Also = NeverShows(Convert.ToBase64String(Encoding.UTF8.GetBytes(Token))),
        };

        yield return new("typo in a field name", r => r.Write("tasks/typo.yaml", Valid("typo", spec: "\n  maximumcal: 2")), 1, "unknown field 'maximumcal' (did you mean 'maximumcall'?)");
        yield return new("start after stop", r => r.Write("tasks/period.yaml", Valid("period").Replace("2027-12-25 23:59:59", "2025-01-01 00:00:00", StringComparison.Ordinal)), 1, "repo/tasks/period.yaml");
        yield return new("overlapping windows", r => r.Write("tasks/windows.yaml", Valid("windows", spec: "\n  is_group_switch: 1", extras: "\n    destination_extension_list: [{begin: \"09:00\", end: \"12:00\", destination_extension: 1}, {begin: \"11:00\", end: \"13:00\", destination_extension: 2}]")), 1, "repo/tasks/windows.yaml");
        yield return new("legacy re_call_time 22:30", r => r.Write("tasks/recall.yaml", Manifest("recall", spec: "\n  maximumcall: 1\n  new_call_rules: [{re_call_time: \"22:30:00\", call_interval: 60}]").Replace("tasks/v2", "tasks/v2-legacy", StringComparison.Ordinal).Replace("    pop_mode: 1\n", "", StringComparison.Ordinal)), 1, "repo/tasks/recall.yaml");
    }

    private static Action<Support.CliResult> Contains(string text) =>
        result => Assert.True((result.Out + result.Error).Contains(text, StringComparison.Ordinal), $"'{text}' not in:\n{result}");

    private static Action<Support.CliResult> NeverShows(string secret) => result =>
    {
        Assert.DoesNotContain(secret, result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.Error, StringComparison.Ordinal);
    };
}
