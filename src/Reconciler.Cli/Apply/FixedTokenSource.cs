using Reconciler.TaskApi.Auth;

namespace Reconciler.Cli.Apply;

/// <summary>One token for every account: the random token of the embedded simulator.</summary>
internal sealed class FixedTokenSource(ApiToken token, string source) : ITokenSource
{
    public TokenLookup GetToken(string userId) => TokenLookup.Found(token, source);
}
