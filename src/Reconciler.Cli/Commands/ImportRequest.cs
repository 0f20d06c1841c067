namespace Reconciler.Cli.Commands;

/// <summary>What <c>reconciler import</c> was asked for, paths resolved.</summary>
/// <param name="Root">The manifest directory (where existing manifests are looked for, and file paths are relative to).</param>
/// <param name="Output">Where new manifests are written, relative to <paramref name="Root"/> (never outside it).</param>
/// <param name="TaskIds">The ids asked for (<c>--task-id</c>); empty: every task of the list.</param>
/// <param name="Endpoint">The API base URL read from, named in each manifest's header comment.</param>
/// <param name="MaxListPages">The bound on list pages read (<c>--list-page-limit</c>).</param>
internal sealed record ImportRequest(
    string Root,
    string Output,
    string UserId,
    string? SubUserId,
    IReadOnlyList<string> TaskIds,
    string Endpoint,
    int MaxListPages);
