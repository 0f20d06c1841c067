using Reconciler.TaskApi.Auth;

namespace Reconciler.Benchmarks;

/// <summary>The simulator's default token for every account.</summary>
internal sealed class BenchmarkTokenSource(string secret) : ITokenSource
{
    private readonly ApiToken _token = ApiToken.FromSecret(secret);

    public TokenLookup GetToken(string userId) => TokenLookup.Found(_token, "benchmark");
}
