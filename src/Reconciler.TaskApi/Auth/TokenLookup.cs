namespace Reconciler.TaskApi.Auth;

/// <summary>The token for one account, or why there is none.</summary>
/// <param name="Token">Null when no usable token was found.</param>
/// <param name="Source">Where the token came from, e.g. <c>RECONCILER_API_TOKEN__ABC</c> (names only, never values).</param>
/// <param name="Problem">When <paramref name="Token"/> is null: what to set, naming environment variables (never values).</param>
public sealed record TokenLookup(ApiToken? Token, string? Source, string? Problem)
{
    public static TokenLookup Found(ApiToken token, string source) => new(token, source, null);

    public static TokenLookup Missing(string problem) => new(null, null, problem);
}
