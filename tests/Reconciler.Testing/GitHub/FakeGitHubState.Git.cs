using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Reconciler.Testing.GitHub;

/// <summary>
/// The few git-data and pull-request writes a revert pull request needs: a commit's tree (<c>tree-of-{sha}</c>), a new
/// commit (its sha derived from its tree and parents), a branch, and a pull request between two branches.
/// </summary>
internal sealed partial class FakeGitHubState
{
    private readonly Dictionary<string, string> branches = [];

    /// <summary>Branches created through the API, by name, with the commit each points at.</summary>
    public IReadOnlyDictionary<string, string> Branches => branches;

    private FakeGitHubResponse HandleGit(FakeGitHubRouteMatch match, string? body, FakeGitHubJson json)
    {
        var request = string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body) as JsonObject;
        switch (match.Route)
        {
            case FakeGitHubRoute.GetGitCommit:
                return FakeGitHubResponse.Json(200, new JsonObject { ["sha"] = match.Id, ["tree"] = new JsonObject { ["sha"] = "tree-of-" + match.Id }, ["parents"] = new JsonArray() });
            case FakeGitHubRoute.CreateGitCommit:
                var tree = request?["tree"]?.GetValue<string>() ?? "";
                var parents = request?["parents"]?.AsArray().Select(p => p!.GetValue<string>()).ToList() ?? [];
                var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tree + "|" + string.Join(",", parents) + "|" + request?["message"])))[..40];
                return FakeGitHubResponse.Json(201, new JsonObject
                {
                    ["sha"] = sha,
                    ["message"] = request?["message"]?.GetValue<string>(),
                    ["tree"] = new JsonObject { ["sha"] = tree },
                    ["parents"] = new JsonArray([.. parents.Select(p => (JsonNode)new JsonObject { ["sha"] = p })]),
                });
            case FakeGitHubRoute.CreateReference:
                var name = request?["ref"]?.GetValue<string>() ?? "";
                var target = request?["sha"]?.GetValue<string>() ?? "";
                if (!name.StartsWith("refs/heads/", StringComparison.Ordinal) || branches.ContainsKey(name["refs/heads/".Length..]))
                {
                    return FakeGitHubResponse.Error(422, "Reference already exists");
                }

                branches[name["refs/heads/".Length..]] = target;
                return FakeGitHubResponse.Json(201, new JsonObject { ["ref"] = name, ["object"] = new JsonObject { ["sha"] = target, ["type"] = "commit" } });
            default:
                var head = request?["head"]?.GetValue<string>() ?? "";
                if (!branches.TryGetValue(head, out var headSha))
                {
                    return FakeGitHubResponse.Error(422, "Validation Failed: head does not exist");
                }

                var pull = AddPullRequest(new FakePullRequest(pulls.Count == 0 ? 1 : pulls.Keys.Max() + 1, headSha)
                {
                    Title = request?["title"]?.GetValue<string>() ?? "",
                    HeadRef = head,
                    BaseRef = request?["base"]?.GetValue<string>() ?? "main",
                });
                return FakeGitHubResponse.Json(201, json.PullRequest(pull, pulls[pull.Number].CreatedAt, full: true));
        }
    }
}
