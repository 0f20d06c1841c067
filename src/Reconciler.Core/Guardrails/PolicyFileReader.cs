using System.Text.Json.Nodes;
using Reconciler.Core.Diagnostics;
using Reconciler.Core.Loading;
using Reconciler.Core.Manifests;
using Reconciler.Core.Validation;

namespace Reconciler.Core.Guardrails;

/// <summary>
/// Reads <c>.reconciler/policy.yaml</c> (shape: <c>schemas/policy.schema.json</c>). A malformed file gives no policy
/// and error diagnostics naming file, line and column: a broken guardrail must fail loudly, never switch itself off.
/// </summary>
public static class PolicyFileReader
{
    private const string Code = "policy-file";
    private static readonly string[] TopKeys = ["rules", "limits", "owners"];
    private static readonly string[] RuleKeys = ["name", "select", "schema", "severity", "message"];
    private static readonly string[] LimitKeys = ["max_changed_tasks", "max_changed_accounts"];
    private static readonly string[] OwnerKeys = ["select", "approvers"];

    public static (RepositoryPolicy Policy, IReadOnlyList<Diagnostic> Diagnostics) Read(ManifestFile? file)
    {
        if (file is null)
        {
            return (RepositoryPolicy.None, []);
        }

        var loaded = new YamlManifestLoader().Load(file);
        if (loaded.HasErrors)
        {
            return (RepositoryPolicy.None, loaded.Diagnostics);
        }

        if (loaded.Documents.Count == 0)
        {
            return (RepositoryPolicy.None, []);
        }

        var reader = new Reader(loaded.Documents[0], file.Path);
        if (loaded.Documents.Count > 1)
        {
            reader.Problems.Add(Diagnostic.Error(Code, $"{RepositoryPolicy.FilePath} must hold one YAML document", loaded.Documents[1].Location));
        }

        var policy = reader.Read();
        return reader.Problems.Count > 0
            ? (RepositoryPolicy.None, DiagnosticOrder.Sort(reader.Problems))
            : (policy with { CacheKey = loaded.Documents[0].Node?.ToJsonString() ?? "" }, []);
    }

    private sealed class Reader(LoadedDocument document, string file)
    {
        public List<Diagnostic> Problems { get; } = [];

        public RepositoryPolicy Read()
        {
            if (document.Node is not JsonObject root)
            {
                Error("", "the policy must be a mapping with 'rules', 'limits' and/or 'owners'");
                return RepositoryPolicy.None;
            }

            Known(root, "", TopKeys);
            var rules = Items(root, "/rules").Select(x => Rule(x.Node, x.Pointer)).OfType<PolicyRule>().ToList();
            foreach (var duplicate in rules.GroupBy(r => r.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                Error("/rules", $"rule name '{duplicate.Key}' is used more than once; names must be unique (they identify violations)");
            }

            var owners = Items(root, "/owners").Select(x => Owner(x.Node, x.Pointer)).OfType<PolicyOwner>().ToList();
            return new RepositoryPolicy(file, rules, Limits(root["limits"]), owners) { LimitsLocation = document.Map.Locate("/limits") };
        }

        private PolicyRule? Rule(JsonNode? node, string at)
        {
            if (Mapping(node, at) is not { } rule)
            {
                return null;
            }

            Known(rule, at, RuleKeys);
            var name = RequiredText(rule, at, "name");
            var message = RequiredText(rule, at, "message");
            var severity = ManifestDocument.Text(rule["severity"]) switch
            {
                null when rule["severity"] is null => Severity.Error,
                "error" => Severity.Error,
                "warning" => Severity.Warning,
                _ => Fail<Severity?>(at + "/severity", "severity must be 'error' or 'warning'"),
            };
            var select = Selector(rule["select"], at + "/select");
            var schema = rule["schema"] is { } written
                ? RuleSchemas.Build(written, out var problem) ?? Fail<global::Json.Schema.JsonSchema?>(at + "/schema", $"not a usable JSON Schema: {problem}")
                : Fail<global::Json.Schema.JsonSchema?>(at, "a rule needs a 'schema' (a JSON Schema applied to the whole manifest)");
            return name is null || message is null || severity is null || select is null || schema is null
                ? null
                : new PolicyRule(name, select, schema, severity.Value, message);
        }

        private PolicyOwner? Owner(JsonNode? node, string at)
        {
            if (Mapping(node, at) is not { } owner)
            {
                return null;
            }

            Known(owner, at, OwnerKeys);
            var select = Selector(owner["select"], at + "/select");
            var approvers = Texts(owner["approvers"], at + "/approvers");
            if (approvers is { Count: 0 })
            {
                Error(at + "/approvers", "an owner entry needs at least one approver (a GitHub login or @org/team)");
            }

            for (var i = 0; i < (approvers?.Count ?? 0); i++)
            {
                if (!ApproverNames.IsValid(approvers![i]))
                {
                    Error($"{at}/approvers/{i}", "not a GitHub login (letters, digits, '-') or a team written @org/team-slug");
                }
            }

            return select is null || approvers is not { Count: > 0 } ? null : new PolicyOwner(select, approvers);
        }

        private PolicyLimits Limits(JsonNode? node)
        {
            if (node is null || Mapping(node, "/limits") is not { } limits)
            {
                return PolicyLimits.None;
            }

            Known(limits, "/limits", LimitKeys);
            return new PolicyLimits(Count(limits, "max_changed_tasks"), Count(limits, "max_changed_accounts"));
        }

        private int? Count(JsonObject limits, string key)
        {
            var node = limits[key];
            if (node is null)
            {
                return null;
            }

            return ManifestDocument.Integer(node) is { } value and >= 0 and <= int.MaxValue
                ? (int)value
                : Fail<int?>($"/limits/{key}", $"{key} must be a whole number of at least 0");
        }

        private PolicySelector? Selector(JsonNode? node, string at)
        {
            if (node is null)
            {
                return PolicySelector.All;
            }

            if (Mapping(node, at) is not { } select)
            {
                return null;
            }

            Known(select, at, ["labels", "user_ids", "sub_user_ids", "paths", "tasksets"]);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            if (select["labels"] is { } written && Mapping(written, at + "/labels") is { } map)
            {
                foreach (var (key, value) in map)
                {
                    if (PolicySubjects.LabelText(value) is { } text)
                    {
                        labels[key] = text;
                    }
                    else
                    {
                        Error(JsonPointers.Append(at + "/labels", key), "a label value must be a string or a number");
                    }
                }
            }

            List<string>? Optional(string key) => select[key] is { } list ? Texts(list, $"{at}/{key}") : [];
            var userIds = Optional("user_ids");
            var subUserIds = Optional("sub_user_ids");
            var paths = Optional("paths");
            var sets = Optional("tasksets");
            return userIds is null || subUserIds is null || paths is null || sets is null
                ? null
                : new PolicySelector(labels, userIds, subUserIds, paths, sets);
        }

        private List<(JsonNode? Node, string Pointer)> Items(JsonObject root, string pointer)
        {
            var node = root[pointer[1..]];
            if (node is null)
            {
                return [];
            }

            if (node is not JsonArray list)
            {
                Error(pointer, $"'{pointer[1..]}' must be a list");
                return [];
            }

            return list.Select((n, i) => (n, $"{pointer}/{i}")).ToList();
        }

        private List<string>? Texts(JsonNode? node, string at)
        {
            if (node is not JsonArray list)
            {
                return Fail<List<string>?>(at, "must be a list of strings");
            }

            var texts = list.Select(ManifestDocument.IdText).ToList();
            for (var i = 0; i < texts.Count; i++)
            {
                if (texts[i] is null)
                {
                    Error($"{at}/{i}", "must be a non-empty string");
                }
            }

            return texts.All(t => t is not null) ? texts.OfType<string>().ToList() : null;
        }

        private string? RequiredText(JsonObject map, string at, string key) =>
            ManifestDocument.Text(map[key]) is { Length: > 0 } text ? text : Fail<string?>(map[key] is null ? at : $"{at}/{key}", $"'{key}' is required and must be a non-empty string");

        private JsonObject? Mapping(JsonNode? node, string at) =>
            node as JsonObject ?? Fail<JsonObject?>(at, "must be a mapping");

        private void Known(JsonObject map, string at, string[] keys)
        {
            foreach (var (key, _) in map.Where(p => !keys.Contains(p.Key, StringComparer.Ordinal)))
            {
                var pointer = JsonPointers.Append(at, key);
                Problems.Add(Diagnostic.Error(Code, $"unknown key '{key}' (known here: {string.Join(", ", keys)})", document.Map.LocateKey(pointer), pointer));
            }
        }

        private T Fail<T>(string at, string message)
        {
            Error(at, message);
            return default!;
        }

        private void Error(string at, string message) =>
            Problems.Add(Diagnostic.Error(Code, message, document.Map.Locate(at), at));
    }
}
