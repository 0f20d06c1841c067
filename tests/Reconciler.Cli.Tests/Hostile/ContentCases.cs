using System.Text;
using static Reconciler.Cli.Tests.Hostile.HostileRepo;

namespace Reconciler.Cli.Tests.Hostile;

/// <summary>File contents that are broken or built to exhaust a parser: each is a diagnostic on its file, within bounds.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class ContentCases
{
    public static IEnumerable<HostileCase> All()
    {
        yield return new("file over 1 MiB", r => r.Write("tasks/huge.yaml", "# " + new string('x', 2 * 1024 * 1024)), 1, "repo/tasks/huge.yaml:1:1: error: file is 2,097,154 bytes");
        yield return new("one 1 MiB line just under the limit", r => r.Write("tasks/line.yaml", "name: " + new string('x', (1024 * 1024) - 16)), 1, "repo/tasks/line.yaml");
        yield return new("1,001 documents", r => r.Write("tasks/many.yaml", string.Join("---\n", Enumerable.Range(0, 1001).Select(i => Valid($"many-{i}")))), 1, "repo/tasks/many.yaml")
        {
            Also = result => Assert.DoesNotContain("+ adopt     任务 (many-0)", result.Out, StringComparison.Ordinal),
        };
        yield return new("syntax error after a valid document", r => r.Write("tasks/half.yaml", Valid("half-1") + "---\nspec: [unclosed\n"), 1, "repo/tasks/half.yaml")
        {
            Also = result => Assert.DoesNotContain("+ adopt     任务 (half-1)", result.Out, StringComparison.Ordinal),
        };
        yield return new("alias bomb", r => r.Write("tasks/bomb.yaml", AliasBomb()), 1, "repo/tasks/bomb.yaml");
        yield return new("nesting 10,000 deep", r => r.Write("tasks/deep.yaml", "spec: " + new string('[', 10_000) + new string(']', 10_000) + "\n"), 1, "repo/tasks/deep.yaml");
        yield return new("duplicate keys", r => r.Write("tasks/dup.yaml", Valid("dup") + "kind: Task\n"), 1, "repo/tasks/dup.yaml");
        yield return new("tabs for indentation", r => r.Write("tasks/tabs.yaml", "kind: Task\nmetadata:\n\tuser_id: x\n"), 1, "repo/tasks/tabs.yaml:3:1");
        yield return new("unclosed flow mapping", r => r.Write("tasks/flow.yaml", "spec: {name: x\n"), 1, "repo/tasks/flow.yaml");
        yield return new("unknown tag", r => r.Write("tasks/tag.yaml", "spec: !!binary aGVsbG8=\n"), 1, "repo/tasks/tag.yaml");
        yield return new("infinity", r => r.Write("tasks/inf.yaml", Valid("inf", spec: "\n  remark: .inf")), 1, "repo/tasks/inf.yaml");
        yield return new("self-referencing merge key", r => r.Write("tasks/merge.yaml", "a: &a\n  <<: *a\n"), 1, "repo/tasks/merge.yaml");
        yield return new("NUL byte", r => r.Write("tasks/nul.yaml", "kind: Ta\0sk\n"), 1, "repo/tasks/nul.yaml");
        yield return new("UTF-16 file", r => r.WriteBytes("tasks/utf16.yaml", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Valid("utf16"))).ToArray()), 1, "repo/tasks/utf16.yaml:1:1: error: file is UTF-16 encoded");
        yield return new("invalid UTF-8 bytes", r => r.WriteBytes("tasks/latin1.yaml", Encoding.Latin1.GetBytes(Valid("latin1", name: "café"))), 1, "repo/tasks/latin1.yaml");
        yield return new("UTF-8 byte-order mark is fine", r => r.WriteBytes("tasks/bom.yaml", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Valid("bom", name: "带BOM"))]), 0, "+ adopt     带BOM (bom)  repo/tasks/bom.yaml");
        yield return new("not a mapping", r => r.Write("tasks/list.yaml", "- a\n- b\n"), 1, "repo/tasks/list.yaml");
        yield return new("variable list of 5,000 entries", r => r.Write("tasks/long-list.yaml", Valid("long-list", spec: "\n  is_group_switch: 2", extras: "\n    destination_extension_with_variable_list: [" + string.Join(", ", Enumerable.Range(0, 5000).Select(i => $"{{mode: 0, values: [v{i}], destination_extension: 1}}")) + "]")), 1, "repo/tasks/long-list.yaml");
        yield return new("100,000-character task name", r => r.Write("tasks/long-name.yaml", Valid("long-name", name: new string('长', 100_000))), 0, "repo/tasks/long-name.yaml");
        yield return new("broken .reconciler.yaml", r => r.Write(".reconciler.yaml", "allowExtraFields: spec.x\n"), 1, "repo/.reconciler.yaml:1:19: error: allowExtraFields must be a list");
        yield return new("allowExtraFields lets a field through", r => { r.Write(".reconciler.yaml", "allowExtraFields: [spec.custom_flag]\n"); r.Write("tasks/extra.yaml", Valid("extra", name: "额外", spec: "\n  custom_flag: 1")); }, 0, "+ adopt     额外 (extra)  repo/tasks/extra.yaml");
    }

    private static string AliasBomb()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        return yaml.ToString();
    }
}
