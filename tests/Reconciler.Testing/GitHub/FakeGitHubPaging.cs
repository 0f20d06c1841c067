using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Reconciler.Testing.GitHub;

/// <summary>GitHub's pagination: per_page (default 30, at most 100), page (from 1), and a Link header Octokit follows.</summary>
internal static class FakeGitHubPaging
{
    public static (IReadOnlyList<T> Items, string? Link) Page<T>(IReadOnlyList<T> all, HttpRequest request)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value);
        var perPage = Math.Clamp(Int(query, "per_page") ?? 30, 1, 100);
        var page = Math.Max(Int(query, "page") ?? 1, 1);
        var last = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = all.Skip((page - 1) * perPage).Take(perPage).ToArray();

        // GitHub lists next and last while there are more pages, first and prev after page 1: one header, comma-separated.
        var links = new List<string>();
        if (page < last)
        {
            links.Add(Link(request, query, page + 1, "next"));
            links.Add(Link(request, query, last, "last"));
        }

        if (page > 1)
        {
            links.Add(Link(request, query, 1, "first"));
            links.Add(Link(request, query, Math.Min(page - 1, last), "prev"));
        }

        return (items, links.Count == 0 ? null : string.Join(", ", links));
    }

    private static int? Int(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, string name) =>
        query.TryGetValue(name, out var value) && int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Link(HttpRequest request, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> query, int page, string rel)
    {
        // Keep every other parameter (per_page, state, sort…) in order and replace only page.
        var parameters = query.Where(p => p.Key != "page")
            .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()))
            .Append(KeyValuePair.Create("page", (string?)page.ToString(CultureInfo.InvariantCulture)));
        var url = QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", parameters);
        return $"<{url}>; rel=\"{rel}\"";
    }
}
