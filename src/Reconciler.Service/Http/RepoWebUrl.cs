namespace Reconciler.Service.Http;

/// <summary>
/// Links from the status page to a manifest in the repository's web view. The setting is either a template with
/// <c>{revision}</c> and <c>{path}</c> (any forge: <c>https://git.example.com/acme/tasks/src/commit/{revision}/{path}</c>)
/// or a repository's web address, read as GitHub's layout (<c>…/blob/{revision}/{path}</c>, which GitHub
/// Enterprise shares).
/// </summary>
public static class RepoWebUrl
{
    /// <summary>The template, or null when there is no setting (the page then shows plain paths).</summary>
    public static string? Template(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }

        var text = setting.Trim();
        return text.Contains("{path}", StringComparison.Ordinal) ? text : text.TrimEnd('/') + "/blob/{revision}/{path}";
    }

    /// <summary>Null when usable; else why not (an absolute http(s) URL is needed).</summary>
    public static string? Problem(string setting) =>
        Uri.TryCreate(setting.Replace("{revision}", "r", StringComparison.Ordinal).Replace("{path}", "p", StringComparison.Ordinal), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            ? null
            : $"'{setting}' is not an http(s) URL (e.g. https://github.com/acme/call-tasks, or a template with {{revision}} and {{path}})";
}
