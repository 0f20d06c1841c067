namespace Reconciler.Cli.Commands;

/// <summary>What <c>reconciler import</c> was asked for, paths resolved.</summary>
/// <param name="Root">The manifest directory (where existing manifests are looked for, and file paths are relative to).</param>
/// <param name="Output">Where new manifests are written.</param>
/// <param name="Endpoint">The API base URL read from, named in each manifest's header comment.</param>
internal sealed record ImportRequest(string Root, string Output, string UserId, string? SubUserId, IReadOnlyList<string> TaskIds, string Endpoint);
