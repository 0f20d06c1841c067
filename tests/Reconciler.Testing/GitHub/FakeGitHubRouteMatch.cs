namespace Reconciler.Testing.GitHub;

/// <summary>A request matched to a route: which repository it named and the id in its path.</summary>
internal sealed record FakeGitHubRouteMatch(FakeGitHubRoute Route, string Prefix, string Owner, string Repository, string? Id);
