namespace Reconciler.TaskApi.Auth;

/// <summary>Finds the bearer token for an account (<c>user_id</c>).</summary>
public interface ITokenSource
{
    /// <summary>Never throws for a missing or unreadable secret: that is a <see cref="TokenLookup.Problem"/>.</summary>
    TokenLookup GetToken(string userId);
}
