using System.Text.Json.Nodes;

namespace Reconciler.Testing.GitHub;

/// <summary>What the fake answers: status, JSON body, extra headers.</summary>
internal sealed record FakeGitHubResponse(int StatusCode, JsonNode? Body, IReadOnlyDictionary<string, string> Headers)
{
    public static FakeGitHubResponse Json(int statusCode, JsonNode body) => new(statusCode, body, new Dictionary<string, string>());

    // GitHub's error shape: {"message": …, "documentation_url": …, "errors": [...]}.
    public static FakeGitHubResponse Error(int statusCode, string message, params JsonObject[] errors)
    {
        var body = new JsonObject
        {
            ["message"] = message,
            ["documentation_url"] = "https://docs.github.com/rest",
            ["status"] = statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (errors.Length > 0)
        {
            body["errors"] = new JsonArray(errors.Select(e => (JsonNode)e).ToArray());
        }

        return Json(statusCode, body);
    }
}
